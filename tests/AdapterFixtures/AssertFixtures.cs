using System;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.AdapterFixtures
{
    /// <summary>Assertion semantics that differ from xunit's or MSTest's, each expected to fail.</summary>
    [TestClass]
    public class AssertSemantics
    {
        [TestMethod]
        public static void ThrowsExceptionRejectsDerivedTypes()
        {
            // ArgumentNullException derives from ArgumentException: nano's ThrowsException wants the exact type.
            Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentNullException("x"));
        }

        [TestMethod]
        public static void DoublesHaveNoTolerance()
        {
            Assert.AreEqual(0.3, 0.1 + 0.2);
        }

        [TestMethod]
        public static void IsInstanceOfTypeWantsTheExactType()
        {
            Assert.IsInstanceOfType(new ArgumentNullException(), typeof(ArgumentException));
        }
    }
}
