using System;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.AdapterFixtures
{
    [TestClass]
    public class Lifecycle
    {
        private static int _setupRuns;

        [Setup]
        public static void PrepareOnce()
        {
            _setupRuns++;
            Journal.Add("lifecycle: setup");
        }

        [DataRow(7)]
        public static void RowRunsAfterTestMethods(int value)
        {
            Journal.Add("lifecycle: row " + value.ToString());
        }

        [TestMethod]
        public static void First()
        {
            Journal.Add("lifecycle: first");
            Assert.AreEqual(1, _setupRuns);
        }

        [TestMethod]
        public static void Second()
        {
            Journal.Add("lifecycle: second");
            Assert.AreEqual(1, _setupRuns);
        }

        [Cleanup]
        public static void TearDownOnce()
        {
            Journal.Add("lifecycle: cleanup");
        }
    }

    [TestClass]
    public class SkippedInSetup
    {
        [Setup]
        public static void NeedsHardware()
        {
            Assert.SkipTest("needs a real board");
        }

        [TestMethod]
        public static void WouldFail()
        {
            Journal.Add("skipped-class test ran");
            Assert.IsTrue(false);
        }

        [Cleanup]
        public static void NeverCleansUp()
        {
            Journal.Add("skipped-class cleanup ran");
        }
    }

    [TestClass]
    public class FailingSetup
    {
        [Setup]
        public static void Breaks()
        {
            throw new InvalidOperationException("setup broke");
        }

        [TestMethod]
        public static void StillRuns()
        {
            Journal.Add("after failed setup");
        }
    }
}
