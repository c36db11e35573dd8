using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>Moves a chip-only rig's audio (and clock) forward by some milliseconds.</summary>
    internal delegate void RenderMs(int ms);

    /// <summary>What the driver tests of every chip share: level assertions and running drivers and sequences in virtual time.</summary>
    internal static class DriverTestHelpers
    {
        public const int TickMs = 5;

        public static void AssertLevel(double expectedDb, double measuredDb, double toleranceDb)
        {
            double error = measuredDb - expectedDb;
            Assert.IsTrue(error <= toleranceDb && error >= -toleranceDb,
                "level " + measuredDb.ToString("F2") + " dB, expected " + expectedDb.ToString("F2") + " ± " + toleranceDb.ToString("F2"));
        }

        /// <summary>Within half of a <paramref name="stepCentiDb"/> step of the request (plus 0.02 dB of measurement).</summary>
        public static void AssertWithinHalfStep(double requestedDb, double measuredDb, int stepCentiDb)
        {
            AssertLevel(requestedDb, measuredDb, stepCentiDb / 200.0 + 0.02);
        }

        /// <summary>A request in 0.01 dB clamped to a stage's range, in dB.</summary>
        public static double ClampDb(int centiDb, int min, int max)
        {
            return (centiDb < min ? min : (centiDb > max ? max : centiDb)) / 100.0;
        }

        /// <summary>Runs a sequence on a driver by hand (the driver is the sequence's target), advancing the board's clock.</summary>
        public static void RunSteps(ISequenceTarget target, VirtualClock clock, SequenceStep[] steps)
        {
            var runner = new SequenceRunner();
            runner.Start(steps);
            int elapsed = 0;
            while (runner.Running)
            {
                runner.Tick(clock.NowMs, target);
                clock.AdvanceMs(TickMs);
                elapsed += TickMs;
                Assert.IsTrue(elapsed < 5000, "sequence did not finish");
            }

            Assert.IsFalse(runner.Failed);
        }

        /// <summary>Ticks a codec driver on a chip-only rig until it is idle (2 s at most).</summary>
        public static void RunUntilIdle(IAudioCodec codec, VirtualClock clock, RenderMs render)
        {
            int elapsed = 0;
            do
            {
                codec.Tick(clock.NowMs);
                render(TickMs);
                elapsed += TickMs;
                Assert.IsTrue(elapsed < 2000, "the sequence did not finish");
            }
            while (codec.Busy);
        }
    }
}
