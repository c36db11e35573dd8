using System.Linq;
using InterfaceFirmware.AdapterFixtures;
using Xunit;

namespace InterfaceFirmware.HostTests.Adapter
{
    /// <summary>Runs the fixture assembly through the adapter once and checks what it reported.</summary>
    public sealed class FixtureRun
    {
        public FixtureRun()
        {
            Journal.Clear();
            Run = AdapterRun.Of(typeof(Journal).Assembly);
            JournalEntries = Journal.Snapshot();
        }

        public AdapterRun Run { get; }

        public string[] JournalEntries { get; }
    }

    public sealed class NanoTestAdapterTests : IClassFixture<FixtureRun>
    {
        private readonly AdapterRun _run;
        private readonly string[] _journal;

        public NanoTestAdapterTests(FixtureRun fixture)
        {
            _run = fixture.Run;
            _journal = fixture.JournalEntries;
        }

        [Fact]
        public void PassingTestPasses()
        {
            Assert.Equal("Passed", _run.Single("Outcomes.Passes").Outcome);
        }

        [Fact]
        public void FailingAssertionFailsTheTestWithNanosMessage()
        {
            CaseResult result = _run.Single("Outcomes.FailsAnAssertion");
            Assert.Equal("Failed", result.Outcome);
            Assert.Contains("Assert.AreEqual failed. Expected:<5>. Actual:<4>.", result.Message);
        }

        [Fact]
        public void AnyOtherExceptionFailsTheTest()
        {
            CaseResult result = _run.Single("Outcomes.ThrowsSomethingElse");
            Assert.Equal("Failed", result.Outcome);
            Assert.Contains("not an assertion", result.Message);
        }

        [Fact]
        public void SkipTestIsReportedSkippedAndCountedAsSkipped()
        {
            CaseResult result = _run.Single("Outcomes.SkipsItself");
            Assert.Equal("Skipped", result.Outcome);
            Assert.Equal("no hardware here", result.Message);

            int skipped = _run.Results.Count(r => r.Outcome == "Skipped");
            int failed = _run.Results.Count(r => r.Outcome == "Failed");
            Assert.Equal(skipped, _run.Totals.Skipped);
            Assert.Equal(failed, _run.Totals.Failed);
            Assert.Equal(_run.Results.Count, _run.Totals.Total);
        }

        [Fact]
        public void OutputHelperGoesIntoTheTestsOutput()
        {
            CaseResult result = _run.Single("Outcomes.WritesOutput");
            Assert.Equal("Passed", result.Outcome);
            Assert.Equal("partial line" + System.Environment.NewLine + "second line" + System.Environment.NewLine, result.Output);
        }

        [Fact]
        public void InstanceAndNonPublicTestMethodsFailInsteadOfVanishing()
        {
            CaseResult instance = _run.Single("Outcomes.IsNotStatic");
            Assert.Equal("Failed", instance.Outcome);
            Assert.Contains("must be static", instance.Message);

            CaseResult hidden = _run.Single("Outcomes.IsNotPublic");
            Assert.Equal("Failed", hidden.Outcome);
            Assert.Contains("must be public", hidden.Message);
        }

        [Fact]
        public void MethodsAndClassesWithoutAttributesAreNotTests()
        {
            Assert.DoesNotContain(_run.Results, r => r.DisplayName.Contains("HelperWithoutAttributeIsIgnored"));
            Assert.DoesNotContain(_run.Results, r => r.DisplayName.Contains("NotATestClass"));
        }

        [Fact]
        public void DataRowMethodRunsOncePerRowWithItsArguments()
        {
            CaseResult[] rows = _run.Results.Where(r => r.DisplayName.Contains("Rows.AddsUp(")).ToArray();
            Assert.Equal(3, rows.Length);
            Assert.Equal("Passed", rows.Single(r => r.DisplayName.Contains("a: 1,")).Outcome);
            Assert.Equal("Passed", rows.Single(r => r.DisplayName.Contains("a: 10,")).Outcome);
            Assert.Equal("Failed", rows.Single(r => r.DisplayName.Contains("a: -1,")).Outcome);
            Assert.Contains("row 10", _journal);
        }

        [Fact]
        public void TestMethodWithDataRowRunsOnlyTheRows()
        {
            CaseResult[] cases = _run.Results.Where(r => r.DisplayName.Contains("TestMethodWithRowRunsOnlyTheRow")).ToArray();
            Assert.Single(cases);
            Assert.Equal("Passed", cases[0].Outcome);
        }

        [Fact]
        public void SetupRunsOnceFirstAndCleanupOnceLastInLauncherOrder()
        {
            string[] lifecycle = _journal.Where(e => e.StartsWith("lifecycle: ")).ToArray();
            Assert.Equal(new[] { "lifecycle: setup", "lifecycle: first", "lifecycle: second", "lifecycle: row 7", "lifecycle: cleanup" }, lifecycle);
            Assert.Equal("Passed", _run.Single("Lifecycle.PrepareOnce [Setup]").Outcome);
            Assert.Equal("Passed", _run.Single("Lifecycle.TearDownOnce [Cleanup]").Outcome);
            Assert.Equal("Passed", _run.Single("Lifecycle.Second").Outcome);
        }

        [Fact]
        public void SkipInSetupSkipsTheWholeClassIncludingCleanup()
        {
            Assert.Equal("Skipped", _run.Single("SkippedInSetup.NeedsHardware [Setup]").Outcome);
            CaseResult test = _run.Single("SkippedInSetup.WouldFail");
            Assert.Equal("Skipped", test.Outcome);
            Assert.Contains("needs a real board", test.Message);
            Assert.Equal("Skipped", _run.Single("SkippedInSetup.NeverCleansUp [Cleanup]").Outcome);
            Assert.DoesNotContain("skipped-class test ran", _journal);
            Assert.DoesNotContain("skipped-class cleanup ran", _journal);
        }

        [Fact]
        public void FailingSetupIsReportedAndTheTestsStillRun()
        {
            CaseResult setup = _run.Single("FailingSetup.Breaks [Setup]");
            Assert.Equal("Failed", setup.Outcome);
            Assert.Contains("setup broke", setup.Message);
            Assert.Equal("Passed", _run.Single("FailingSetup.StillRuns").Outcome);
            Assert.Contains("after failed setup", _journal);
        }

        [Theory]
        [InlineData("AssertSemantics.ThrowsExceptionRejectsDerivedTypes", "Threw exception ArgumentNullException, but exception ArgumentException was expected.")]
        [InlineData("AssertSemantics.DoublesHaveNoTolerance", "Assert.AreEqual failed.")]
        [InlineData("AssertSemantics.IsInstanceOfTypeWantsTheExactType", "Assert.IsInstanceOfType failed.")]
        public void NanoAssertSemanticsAreKept(string test, string message)
        {
            CaseResult result = _run.Single(test);
            Assert.Equal("Failed", result.Outcome);
            Assert.Contains(message, result.Message);
        }
    }
}
