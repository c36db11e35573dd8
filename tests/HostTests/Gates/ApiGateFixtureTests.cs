using System.Linq;
using InterfaceFirmware.GateFixtures.Violations;
using Xunit;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>The gate bites: each construct nanoFramework 1.x cannot run is reported, naming who uses it.</summary>
    public sealed class ApiGateFixtureTests
    {
        private static readonly GateReport Violations = ApiGateTests.Gate().Inspect(typeof(UsesGenericList).Assembly.Location);

        [Fact]
        public void CleanCodeUsingManyLanguageFeaturesPasses()
        {
            GateReport report = ApiGateTests.Gate().Inspect(typeof(InterfaceFirmware.GateFixtures.Clean.LanguageFeatures).Assembly.Location);
            Assert.True(report.Violations.Count == 0, string.Join("\n", report.Violations));
        }

        [Theory]
        [InlineData(nameof(UsesGenericList), "generic instantiation", "System.Collections.Generic.List`1<System.Int32>")]
        [InlineData(nameof(UsesLinq), "LINQ", "System.Linq.Enumerable")]
        [InlineData(nameof(UsesAsync), "async/await", "System.Threading.Tasks.Task")]
        [InlineData(nameof(UsesTuple), "tuple", "System.ValueTuple`2<System.Int32,System.Int32>")]
        [InlineData(nameof(UsesLongMax), "member not in the nanoFramework 1.x API", "System.Math::Max(System.Int64,System.Int64) : System.Int64")]
        [InlineData(nameof(UsesIntClamp), "member not in the nanoFramework 1.x API", "System.Math::Clamp(System.Int32,System.Int32,System.Int32) : System.Int32")]
        [InlineData(nameof(UsesGenericMethod), "generic definition", "UsesGenericMethod::Same")]
        [InlineData(nameof(UsesDecimal), "decimal", "System.Decimal")]
        [InlineData(nameof(UsesMatrix), "multidimensional array", "System.Int32[,]")]
        [InlineData(nameof(UsesIterator), "iterator", "IteratorStateMachineAttribute")]
        [InlineData(nameof(UsesStringReplace), "member not in the nanoFramework 1.x API", "System.String::Replace(System.String,System.String) : System.String")]
        [InlineData(nameof(UsesFormatWithOneArgument), "member not in the nanoFramework 1.x API", "System.String::Format(System.String,System.Object) : System.String")]
        [InlineData(nameof(HasTooManyStaticMethods), "more than 255 static methods in one type", "HasTooManyStaticMethods")]
        [InlineData(nameof(UsesPointerLocal), "pointer type", "System.Int32*")]
        [InlineData(nameof(UsesCalli), "calli", "UsesCalli::Call")]
        [InlineData(nameof(UsesObjectAttributeArgument), "custom-attribute argument type", "BoxesAttribute(System.Object)")]
        [InlineData(nameof(UsesTypeArrayAttributeArgument), "custom-attribute argument type", "TypesAttribute(System.Type[])")]
        public void ReportsTheConstructAndWhoUsesIt(string fixtureType, string problem, string subject)
        {
            GateViolation[] matches = Violations.Violations
                .Where(v => v.Problem.Contains(problem) && v.Subject.Contains(subject))
                .ToArray();

            Assert.True(matches.Length > 0, "not reported: " + problem + " " + subject + "\nreported:\n" + string.Join("\n", Violations.Violations));
            Assert.Contains(matches.SelectMany(v => v.UsedBy), user => user.EndsWith("." + fixtureType) || user.Contains("." + fixtureType + "+"));
            Assert.All(matches, v => Assert.Equal("InterfaceFirmware.GateFixtures.Violations", v.Assembly));
        }
    }
}
