using System.Collections;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class ButtonTests
    {
        [TestMethod]
        public static void PressBouncesButSettlesPressedThenReleased()
        {
            var rig = new Rig(7);
            rig.Button.Press(100);

            // the release is already scheduled: the logical state is its final level
            Assert.IsFalse(rig.Button.IsPressed);

            rig.Clock.AdvanceMs(50);
            Assert.IsFalse(rig.Input.Level);
            int pressEdges = rig.Times.Count;
            Assert.IsTrue(pressEdges % 2 == 1, "a press ends low: an odd number of edges");
            for (int i = 0; i < pressEdges; i++)
            {
                Assert.IsTrue(rig.TimeAt(i) <= 3000, "press edges settle within BounceUs");
            }

            rig.Clock.AdvanceMs(100);
            Assert.IsTrue(rig.Input.Level);
            int edges = rig.Times.Count;
            Assert.IsTrue(edges > 2, "contact bounce adds edges");
            Assert.IsTrue(edges % 2 == 0);
            for (int i = pressEdges; i < edges; i++)
            {
                Assert.IsTrue(rig.TimeAt(i) >= 100000 && rig.TimeAt(i) <= 103000, "release edges start after the hold and settle within BounceUs");
            }

            Assert.AreEqual(0L, rig.TimeAt(0));
            Assert.AreEqual(100000L, rig.TimeAt(pressEdges));
            Assert.IsFalse((bool)rig.Levels[0]);
            Assert.IsTrue((bool)rig.Levels[edges - 1]);
            Assert.AreEqual(rig.TimeAt(edges - 1), rig.Button.SettledAtUs);

            rig.Clock.AdvanceMs(1000);
            Assert.AreEqual(edges, rig.Times.Count);
        }

        [TestMethod]
        public static void ManyPressesBounceWithinTheirLimits()
        {
            var rig = new Rig(3);
            for (int i = 0; i < 20; i++)
            {
                rig.Button.Press(30);
                rig.Clock.AdvanceMs(100);
                Assert.IsTrue(rig.Input.Level);
            }

            // 20 presses = 40 edges without bounce; each edge adds 0, 2, 4 or 6
            Assert.IsTrue(rig.Times.Count > 60);
            Assert.IsTrue(rig.Times.Count <= 40 * 7);
            for (int i = 1; i < rig.Times.Count; i++)
            {
                Assert.IsTrue(rig.TimeAt(i) > rig.TimeAt(i - 1), "edges strictly increase in time");
                Assert.IsTrue((bool)rig.Levels[i] != (bool)rig.Levels[i - 1], "levels alternate");
            }
        }

        [TestMethod]
        public static void WithoutBounceAPressIsTwoEdges()
        {
            var rig = new Rig(11);
            rig.Button.MaxBounceTransitions = 0;
            rig.Button.Press(20);
            rig.Clock.AdvanceMs(100);

            Assert.AreEqual(2, rig.Times.Count);
            Assert.AreEqual(0L, rig.TimeAt(0));
            Assert.AreEqual(20000L, rig.TimeAt(1));
        }

        [TestMethod]
        public static void BounceIsRepeatableWithTheSameSeed()
        {
            var a = new Rig(42);
            var b = new Rig(42);
            var c = new Rig(43);
            Rig[] rigs = new Rig[] { a, b, c };
            for (int r = 0; r < rigs.Length; r++)
            {
                rigs[r].Button.Press(80);
                rigs[r].Clock.AdvanceMs(200);
                rigs[r].Button.Chatter(100, 5);
                rigs[r].Clock.AdvanceMs(200);
            }

            Assert.AreEqual(a.Times.Count, b.Times.Count);
            for (int i = 0; i < a.Times.Count; i++)
            {
                Assert.AreEqual(a.TimeAt(i), b.TimeAt(i));
            }

            bool differs = a.Times.Count != c.Times.Count;
            for (int i = 0; !differs && i < a.Times.Count; i++)
            {
                differs = a.TimeAt(i) != c.TimeAt(i);
            }

            Assert.IsTrue(differs, "another seed bounces differently");
        }

        [TestMethod]
        public static void HeldButtonStaysPressedUntilReleased()
        {
            var rig = new Rig(5);
            rig.Button.PressAndHold();
            Assert.IsTrue(rig.Button.IsPressed);

            rig.Clock.AdvanceMs(10);
            int edges = rig.Times.Count;
            rig.Clock.AdvanceMs(10000);
            Assert.IsFalse(rig.Input.Level);
            Assert.IsTrue(rig.Button.IsPressed);
            Assert.AreEqual(edges, rig.Times.Count);

            rig.Button.PressAndHold();
            rig.Clock.AdvanceMs(10);
            Assert.AreEqual(edges, rig.Times.Count, "pressing a held button changes nothing");

            rig.Button.Release();
            Assert.IsFalse(rig.Button.IsPressed);
            rig.Clock.AdvanceMs(10);
            Assert.IsTrue(rig.Input.Level);
            Assert.AreEqual(10020000L, rig.TimeAt(edges));
        }

        [TestMethod]
        public static void ChatterEndsReleased()
        {
            var rig = new Rig(9);
            rig.Button.PressAndHold();
            rig.Clock.AdvanceMs(10);
            int before = rig.Times.Count;

            rig.Button.Chatter(500, 10);
            Assert.IsFalse(rig.Button.IsPressed);
            rig.Clock.AdvanceMs(250);
            int midway = rig.Times.Count;
            rig.Clock.AdvanceMs(500);

            Assert.IsTrue(rig.Input.Level);
            Assert.IsTrue(midway - before > 5, "the contact chatters");
            Assert.IsTrue(rig.Times.Count - before > 20, "about one change per 10 ms over 500 ms");
            Assert.IsTrue(rig.TimeAt(rig.Times.Count - 1) <= 510000);
            Assert.IsTrue((bool)rig.Levels[rig.Levels.Count - 1]);
        }

        [TestMethod]
        public static void CallsQueueBehindScheduledEdges()
        {
            var rig = new Rig(13);
            rig.Button.MaxBounceTransitions = 0;
            rig.Button.Press(50);
            rig.Button.Press(50);
            rig.Clock.AdvanceMs(200);

            Assert.AreEqual(4, rig.Times.Count);
            Assert.AreEqual(50000L, rig.TimeAt(1));
            Assert.AreEqual(50001L, rig.TimeAt(2));
            Assert.AreEqual(100001L, rig.TimeAt(3));
        }

        private sealed class Rig
        {
            public readonly VirtualClock Clock = new VirtualClock();
            public readonly VirtualDigitalInput Input = new VirtualDigitalInput(13, true);
            public readonly ArrayList Times = new ArrayList();
            public readonly ArrayList Levels = new ArrayList();
            public readonly Button Button;

            public Rig(int seed)
            {
                Button = new Button("test", Input, Clock, new DeterministicRandom(seed));
                Input.Edge += OnEdge;
            }

            public long TimeAt(int index)
            {
                return (long)Times[index];
            }

            private void OnEdge(IDigitalInput input, bool level)
            {
                Times.Add(Clock.NowUs);
                Levels.Add(level);
            }
        }
    }
}
