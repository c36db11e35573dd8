using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class DigitalIoTests
    {
        private static int _edges;
        private static bool _lastLevel;
        private static IDigitalInput _lastSender;
        private static int _otherEdges;

        [TestMethod]
        public static void InputRaisesEdgeOnlyOnChanges()
        {
            var input = new VirtualDigitalInput(21, true);
            _edges = 0;
            _lastSender = null;
            input.Edge += CountEdge;

            Assert.AreEqual(21, input.Pin);
            Assert.IsTrue(input.Read());

            input.SetLevel(true);
            Assert.AreEqual(0, _edges);
            Assert.AreEqual(0, input.EdgeCount);

            input.SetLevel(false);
            Assert.AreEqual(1, _edges);
            Assert.IsFalse(_lastLevel);
            Assert.AreSame(input, _lastSender);
            Assert.IsFalse(input.Read());
            Assert.IsFalse(input.Level);

            input.SetLevel(false);
            input.SetLevel(true);
            Assert.AreEqual(2, _edges);
            Assert.IsTrue(_lastLevel);
            Assert.AreEqual(2, input.EdgeCount);
        }

        [TestMethod]
        public static void InputHandlersCanBeAddedAndRemoved()
        {
            var input = new VirtualDigitalInput(4, false);
            _edges = 0;
            _otherEdges = 0;
            input.Edge += CountEdge;
            input.Edge += CountOtherEdge;

            input.SetLevel(true);
            Assert.AreEqual(1, _edges);
            Assert.AreEqual(1, _otherEdges);

            input.Edge -= CountEdge;
            input.SetLevel(false);
            Assert.AreEqual(1, _edges);
            Assert.AreEqual(2, _otherEdges);

            input.Edge -= CountOtherEdge;
            input.SetLevel(true);
            Assert.AreEqual(2, _otherEdges);
            Assert.AreEqual(3, input.EdgeCount);
        }

        [TestMethod]
        public static void OutputCountsWritesAndTransitionsWithVirtualTime()
        {
            var clock = new VirtualClock();
            var output = new VirtualDigitalOutput(clock, 2, false);

            Assert.AreEqual(2, output.Pin);
            Assert.IsFalse(output.Level);
            Assert.AreEqual(-1L, output.LastChangeUs);

            clock.AdvanceUs(1500);
            output.Write(false);
            Assert.AreEqual(1, output.WriteCount);
            Assert.AreEqual(0, output.TransitionCount);
            Assert.AreEqual(-1L, output.LastChangeUs);

            output.Write(true);
            Assert.IsTrue(output.Level);
            Assert.AreEqual(1, output.TransitionCount);
            Assert.AreEqual(1500L, output.LastChangeUs);

            clock.AdvanceMs(3);
            output.Write(true);
            output.Write(false);
            Assert.AreEqual(4, output.WriteCount);
            Assert.AreEqual(2, output.TransitionCount);
            Assert.AreEqual(4500L, output.LastChangeUs);
        }

        private static void CountEdge(IDigitalInput input, bool level)
        {
            _edges++;
            _lastLevel = level;
            _lastSender = input;
        }

        private static void CountOtherEdge(IDigitalInput input, bool level)
        {
            _otherEdges++;
        }
    }
}
