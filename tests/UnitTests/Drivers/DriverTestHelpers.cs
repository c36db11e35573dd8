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

        /// <summary>
        /// The 1 kHz tone's level (dB re full scale) at a jack over the last <paramref name="ms"/>:
        /// a lock-in over whole periods, so the slow tail a coupling capacitor leaves after a step
        /// does not count as signal. <paramref name="recordFrom"/>: the first recorded sample.
        /// </summary>
        public static double JackLevelDb(VirtualBoard board, long recordFrom, HeadphoneOutput jack, bool left, int ms)
        {
            long end = board.Audio.NextSample;
            int count = ms * 48;
            long start = end - count;
            Assert.IsTrue(recordFrom >= 0 && start >= recordFrom, "record before measuring");
            SignalRecorder recorder = jack.Recorder(left);
            var samples = new double[count];
            for (int i = 0; i < count; i++)
            {
                samples[i] = recorder.At(start + i);
            }

            return ToneLevelDb(samples, start, count);
        }

        /// <summary>The 1 kHz level (dBFS) of the newest <paramref name="frames"/> of <paramref name="capturedFrames"/> interleaved ADC frames.</summary>
        public static double CaptureLevelDb(int[] capture, int capturedFrames, bool left, int frames)
        {
            Assert.IsTrue(capturedFrames >= frames, "not enough captured frames");
            var samples = new double[frames];
            for (int i = 0; i < frames; i++)
            {
                samples[i] = capture[2 * (capturedFrames - frames + i) + (left ? 0 : 1)] / (double)AdcTap.FullScale;
            }

            return ToneLevelDb(samples, 0, frames);
        }

        /// <summary>Amplitude of the 1 kHz component (48 samples per period) in dB re full scale.</summary>
        public static double ToneLevelDb(double[] samples, long firstSample, int count)
        {
            double re = 0;
            double im = 0;
            for (int i = 0; i < count; i++)
            {
                double phase = 2 * System.Math.PI * ((firstSample + i) % 48) / 48.0;
                re += samples[i] * System.Math.Cos(phase);
                im += samples[i] * System.Math.Sin(phase);
            }

            return Decibels.ToDb(2 * System.Math.Sqrt(re * re + im * im) / count);
        }

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
