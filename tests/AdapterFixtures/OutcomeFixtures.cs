using System;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.AdapterFixtures
{
    [TestClass]
    public class Outcomes
    {
        [TestMethod]
        public static void Passes()
        {
            Assert.AreEqual(4, 2 + 2);
        }

        [TestMethod]
        public static void FailsAnAssertion()
        {
            Assert.AreEqual(5, 2 + 2);
        }

        [TestMethod]
        public static void ThrowsSomethingElse()
        {
            throw new InvalidOperationException("not an assertion");
        }

        [TestMethod]
        public static void SkipsItself()
        {
            Assert.SkipTest("no hardware here");
        }

        [TestMethod]
        public static void WritesOutput()
        {
            OutputHelper.Write("partial ");
            OutputHelper.WriteLine("line");
            OutputHelper.WriteLine("second line");
        }

        [TestMethod]
        public void IsNotStatic()
        {
        }

        [TestMethod]
        internal static void IsNotPublic()
        {
        }

        public static void HelperWithoutAttributeIsIgnored()
        {
        }
    }

    [TestClass]
    public class Rows
    {
        [DataRow(1, 2, 3)]
        [DataRow(10, 20, 30)]
        [DataRow(-1, 1, 1)]
        public static void AddsUp(int a, int b, int sum)
        {
            Journal.Add("row " + a.ToString());
            Assert.AreEqual(sum, a + b);
        }

        [TestMethod]
        [DataRow("x")]
        public static void TestMethodWithRowRunsOnlyTheRow(string value)
        {
            Journal.Add("row-only " + value);
            Assert.AreEqual("x", value);
        }
    }

    /// <summary>Not a test class: carries no [TestClass], so its [TestMethod] is never run.</summary>
    public class NotATestClass
    {
        [TestMethod]
        public static void NeverRuns()
        {
            throw new InvalidOperationException("ran a method of a class without [TestClass]");
        }
    }
}
