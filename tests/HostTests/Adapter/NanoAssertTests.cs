using System;
using System.Collections;
using TestFrameworkShared;
using Xunit;
using Nano = nanoFramework.TestFramework;

namespace InterfaceFirmware.HostTests.Adapter
{
    /// <summary>
    /// The host's nanoFramework.TestFramework behaves like the device's: same pass/fail decisions
    /// (exact types, no tolerance, string comparison) and the same failure texts.
    /// </summary>
    public sealed class NanoAssertTests
    {
        private static string FailureOf(Action assertion)
        {
            AssertFailedException failure = Assert.Throws<AssertFailedException>(assertion);
            return failure.Message;
        }

        [Fact]
        public void AreEqualComparesBoxedValuesAndReportsBothSides()
        {
            Nano.Assert.AreEqual(3, 3);
            Nano.Assert.AreEqual((object)null, null);
            Nano.Assert.AreEqual("abc", "abc");
            Assert.Equal("Assert.AreEqual failed. Expected:<3>. Actual:<4>. ", FailureOf(() => Nano.Assert.AreEqual(3, 4, "")));
            Assert.Equal("Assert.AreEqual failed. Expected:<(null)>. Actual:<x>. ", FailureOf(() => Nano.Assert.AreEqual(null, "x", "")));
        }

        [Fact]
        public void AreEqualOnDoublesHasNoTolerance()
        {
            Nano.Assert.AreEqual(0.5, 0.25 + 0.25);
            FailureOf(() => Nano.Assert.AreEqual(0.3, 0.1 + 0.2));
        }

        [Fact]
        public void AreNotEqualFailsOnEqualValues()
        {
            Nano.Assert.AreNotEqual(1, 2);
            Assert.StartsWith("Assert.AreNotEqual failed. Expected any value except:<1>. Actual:<1>.", FailureOf(() => Nano.Assert.AreNotEqual(1, 1)));
        }

        [Fact]
        public void TheFailingArgumentsSourceBecomesTheMessage()
        {
            // [CallerArgumentExpression] as on nanoFramework
            int gain = 4;
            Assert.Equal("Assert.AreEqual failed. Expected:<3>. Actual:<4>. gain", FailureOf(() => Nano.Assert.AreEqual(3, gain)));
        }

        [Fact]
        public void MessagesAreAppended()
        {
            Assert.Equal("Assert.IsTrue failed. gain must be set", FailureOf(() => Nano.Assert.IsTrue(false, "gain must be set")));
            Assert.Equal("Assert.IsFalse failed. ", FailureOf(() => Nano.Assert.IsFalse(true, "")));
        }

        [Fact]
        public void NullChecks()
        {
            Nano.Assert.IsNull(null);
            Nano.Assert.IsNotNull(new object());
            FailureOf(() => Nano.Assert.IsNull(new object()));
            FailureOf(() => Nano.Assert.IsNotNull(null));
        }

        [Fact]
        public void SameChecksReferencesAndWarnsAboutValueTypes()
        {
            var o = new object();
            Nano.Assert.AreSame(o, o);
            Nano.Assert.AreNotSame(o, new object());
            Assert.Contains("Do not pass value types to AreSame()", FailureOf(() => Nano.Assert.AreSame(1, 1)));
        }

        [Fact]
        public void ThrowsExceptionWantsExactlyThatType()
        {
            Nano.Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentException());
            Assert.Contains("Threw exception ArgumentNullException, but exception ArgumentException was expected.",
                FailureOf(() => Nano.Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentNullException())));
            Assert.Contains("No exception thrown. ArgumentException exception was expected.",
                FailureOf(() => Nano.Assert.ThrowsException(typeof(ArgumentException), () => { })));
        }

        [Fact]
        public void InstanceOfTypeWantsExactlyThatType()
        {
            Nano.Assert.IsInstanceOfType(new ArgumentException(), typeof(ArgumentException));
            FailureOf(() => Nano.Assert.IsInstanceOfType(new ArgumentNullException(), typeof(ArgumentException)));
            FailureOf(() => Nano.Assert.IsInstanceOfType(null, typeof(object)));
            Nano.Assert.IsNotInstanceOfType(new ArgumentNullException(), typeof(ArgumentException));
            Nano.Assert.IsNotInstanceOfType(null, typeof(object));
        }

        [Fact]
        public void StringAssertions()
        {
            Nano.Assert.Contains("ell", "hello");
            Nano.Assert.DoesNotContains("xyz", "hello");
            Nano.Assert.StartsWith("he", "hello");
            Nano.Assert.EndsWith("lo", "hello");
            Assert.Contains("'hello' does not contain 'xyz'.", FailureOf(() => Nano.Assert.Contains("xyz", "hello")));
            Assert.Contains("The value cannot be null.", FailureOf(() => Nano.Assert.StartsWith("a", null)));
        }

        [Fact]
        public void SkipTestThrowsSkipTestException()
        {
            var skip = Assert.Throws<Nano.SkipTestException>(() => Nano.Assert.SkipTest("later"));
            Assert.Equal("later", skip.Message);
        }

        [Fact]
        public void CollectionAssertComparesCountThenElementsInOrder()
        {
            Nano.CollectionAssert.AreEqual(new[] { 1, 2, 3 }, new[] { 1, 2, 3 });
            Assert.Contains("Different number of elements.", FailureOf(() => Nano.CollectionAssert.AreEqual(new[] { 1, 2 }, new[] { 1, 2, 3 })));
            Assert.Contains("Element at index 1 do not match. Expected:<2>. Actual:<3>.", FailureOf(() => Nano.CollectionAssert.AreEqual(new[] { 1, 2 }, new[] { 1, 3 })));
            Nano.CollectionAssert.AreNotEqual(new[] { 1, 2 }, new[] { 2, 1 });
            Nano.CollectionAssert.Empty(new ArrayList());
            Nano.CollectionAssert.NotEmpty(new[] { 0 });
            FailureOf(() => Nano.CollectionAssert.Empty(new[] { 0 }));
        }
    }
}
