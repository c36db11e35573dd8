using System;
using System.Collections;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class PopDetectorTests
    {
        private delegate double Waveform(long sample);

        private static ArrayList Listen(Waveform waveform, int samples)
        {
            var events = new ArrayList();
            var detector = new PopDetector("out", events);
            var block = new double[256];
            for (int start = 0; start < samples; start += 256)
            {
                int count = Math.Min(256, samples - start);
                for (int i = 0; i < count; i++)
                {
                    block[i] = waveform(start + i);
                }

                detector.Process(block, 0, count, AudioEngine.TimeOfSampleUs(start));
            }

            return events;
        }

        private static double Sine(long n, double amplitude)
        {
            return amplitude * Math.Sin(2 * Math.PI * 1000.0 * n / 48000.0);
        }

        // The detector judges the output alone, so a programme's own start counts as an event; the
        // tests let each programme run for 300 ms and look at what happens after that.
        private const long WarmUpUs = 300000;

        private static int Count(ArrayList events, PopKind kind)
        {
            int count = 0;
            foreach (PopEvent e in events)
            {
                if (e.Kind == kind && e.TimeUs >= WarmUpUs)
                {
                    count++;
                }
            }

            return count;
        }

        private static int CountAll(ArrayList events)
        {
            return Count(events, PopKind.Click) + Count(events, PopKind.Thump) + Count(events, PopKind.Glitch);
        }

        private static PopEvent First(ArrayList events, PopKind kind)
        {
            foreach (PopEvent e in events)
            {
                if (e.Kind == kind && e.TimeUs >= WarmUpUs)
                {
                    return e;
                }
            }

            return null;
        }

        [TestMethod]
        public static void ASteadySineIsNotAPop()
        {
            ArrayList events = Listen(n => Sine(n, 0.5), 96000);
            Assert.AreEqual(0, CountAll(events));
        }

        [TestMethod]
        public static void AProgrammeStartingAbruptlyCounts()
        {
            ArrayList events = Listen(n => n < 24000 ? 0 : Sine(n + 12, 0.5), 48000);
            Assert.IsTrue(CountAll(events) >= 1, "an abrupt start mid-waveform is heard as a click");
        }

        [TestMethod]
        public static void SteadyNoiseIsNotAPop()
        {
            var noise = new NoiseSource(5, 0.1);
            var buffer = new double[1];
            ArrayList events = Listen(n =>
            {
                noise.Fill(buffer, 0, 1, n);
                return buffer[0];
            }, 96000);
            Assert.AreEqual(0, CountAll(events));
        }

        [TestMethod]
        public static void AnInstantGainJumpOnASineIsAClickAtItsTime()
        {
            // +6 dB at sample 24010, a quarter period after a zero crossing (at the peak)
            ArrayList events = Listen(n => Sine(n, n < 24012 ? 0.1 : 0.2), 48000);
            Assert.AreEqual(1, Count(events, PopKind.Click));
            PopEvent click = First(events, PopKind.Click);
            long offsetUs = click.TimeUs - 500250;
            Assert.IsTrue(offsetUs > -1000 && offsetUs < 1000, click.TimeUs.ToString());
            Assert.IsTrue(click.Size > 0.05, "the size of the jump, about 0.1 FS: " + click.Size.ToString());
        }

        [TestMethod]
        public static void OneDecibelAtAZeroCrossingIsNotAClick()
        {
            ArrayList events = Listen(n => Sine(n, n < 24000 ? 0.5 : 0.5 * 1.122), 48000);
            Assert.AreEqual(0, CountAll(events));
        }

        [TestMethod]
        public static void ADcStepIsAThump()
        {
            ArrayList events = Listen(n => n < 24000 ? 0.0 : 0.05, 48000);
            Assert.IsTrue(Count(events, PopKind.Thump) >= 1);
        }

        [TestMethod]
        public static void AFastBiasRampIsAThumpButASlowOneIsNot()
        {
            // the bias reaching a capacitor-coupled headphone: a step through 7 ms (32 Ω × 220 µF)
            ArrayList fast = Listen(n => n < 24000 ? 0 : 1.17 * Math.Exp(-(n - 24000) / (0.007 * 48000)) * (1 - Math.Exp(-(n - 24000) / (0.002 * 48000))), 48000);
            Assert.IsTrue(Count(fast, PopKind.Thump) >= 1, "a 2 ms bias ramp thumps");

            // a 500 ms raised-cosine drift of 0.05 FS: infrasonic
            ArrayList slow = Listen(n => n < 24000 ? 0.025 * (1 - Math.Cos(Math.PI * n / 24000.0)) : 0.05, 72000);
            Assert.AreEqual(0, slow.Count, "not even during the first 300 ms");
        }

        // The current a capacitor-coupled headphone hears while the bias charges its 220 µF capacitor
        // through a 1.5 kΩ tie (τ 0.34 s): 32/1532 of the gap between the bias, rising with τ
        // biasTau towards 1.17 FS, and the capacitor. Starts at sample 24000.
        private static double ChargingCurrent(long n, double biasTau)
        {
            if (n < 24000)
            {
                return 0;
            }

            double t = (n - 24000) / 48000.0;
            const double capacitorTau = 1532 * 220e-6;
            return 1.17 * 32.0 / 1532.0 * capacitorTau / (capacitorTau - biasTau) * (Math.Exp(-t / capacitorTau) - Math.Exp(-t / biasTau));
        }

        [TestMethod]
        public static void AFastDcRiseThatDrainsOverSecondsIsAThump()
        {
            // The ES8388's VMID charged through 5 kΩ (τ 12 ms) into the Audio Kit's headphone
            // capacitor: −33.5 dBFS within 20 ms, then draining over ~2 s. Only −45 dBFS of it lies
            // in a 15–150 Hz band: the detector's first thump measure missed it.
            ArrayList events = Listen(n => ChargingCurrent(n, 0.012), 96000);
            PopEvent thump = First(events, PopKind.Thump);
            Assert.IsNotNull(thump, "the rise is a thump");
            Assert.IsTrue(thump.TimeUs >= 500000 && thump.TimeUs < 520000, "within 20 ms of the rise: " + thump.ToString());
            double largest = 0;
            foreach (PopEvent e in events)
            {
                Assert.IsTrue(e.Kind == PopKind.Thump && e.TimeUs < 560000, "only the rise counts: " + e.ToString());
                largest = Math.Max(largest, e.Size);
            }

            Assert.IsTrue(largest > 0.014 && largest < 0.022, "it moved about −35 dBFS in 20 ms: " + largest.ToString());
        }

        [TestMethod]
        public static void TheSameChargeSpreadOverHalfASecondIsNotAPop()
        {
            // VMID through 50 kΩ (τ 120 ms): the jack still peaks at −37 dBFS, but moves at most
            // −49 dBFS within 20 ms: infrasonic.
            ArrayList events = Listen(n => ChargingCurrent(n, 0.120), 144000);
            Assert.AreEqual(0, events.Count, "not even at the start of the charge");
        }

        [TestMethod]
        [DataRow(25)]
        [DataRow(40)]
        [DataRow(80)]
        [DataRow(140)]
        public static void SteadyBassIsNotAPop(int hz)
        {
            ArrayList events = Listen(n => 0.5 * Math.Sin(2 * Math.PI * hz * n / 48000.0), 96000);
            Assert.AreEqual(0, CountAll(events), hz.ToString() + " Hz");
        }

        [TestMethod]
        public static void NearbyEventsMergeIntoOneKeepingTheLargest()
        {
            ArrayList events = Listen(n => n == 20000 ? 0.02 : n == 20100 ? 0.3 : 0.0, 24000);
            Assert.AreEqual(1, Count(events, PopKind.Click));
            Assert.IsTrue(First(events, PopKind.Click).Size > 0.25);
        }

        [TestMethod]
        public static void GlitchesAreReportedAsTold()
        {
            var events = new ArrayList();
            var detector = new PopDetector("out", events);
            detector.ReportGlitch(1234, 1.0, "clock changed");
            Assert.AreEqual(1, events.Count);
            Assert.AreEqual((int)PopKind.Glitch, (int)((PopEvent)events[0]).Kind);
            Assert.Contains("clock changed", events[0].ToString());
        }

        // A programme full of events: tones that start, stop and jump in level, single-sample
        // spikes, DC steps and fast ramps, noise bursts and silence, in blocks of uneven length.
        private static double Eventful(long n, DeterministicRandom random)
        {
            long segment = n / 4800; // 100 ms segments, each of its own kind
            long phase = n % 4800;
            double tone = (0.05 + 0.1 * (segment % 5)) * Math.Sin(2 * Math.PI * (200.0 + 300.0 * (segment % 7)) * n / 48000.0);
            switch (segment % 6)
            {
                case 0: return tone;
                case 1: return phase == 1234 || phase == 1240 ? tone + 0.2 : tone;
                case 2: return phase < 2000 ? 0 : 0.1;
                case 3: return phase < 480 ? 0.3 * phase / 480.0 : tone;
                case 4: return (random.NextDouble() - 0.5) * 0.2 * (segment % 3);
                default: return 0;
            }
        }

        private static string Judge(bool fast, bool pair)
        {
            var events = new ArrayList();
            var left = new PopDetector("out.L", events);
            var right = new PopDetector("out.R", events);
            left.FastPathEnabled = fast;
            right.FastPathEnabled = fast;
            var sizes = new DeterministicRandom(7);
            var signalLeft = new DeterministicRandom(11);
            var signalRight = new DeterministicRandom(13);
            var blockLeft = new double[256];
            var blockRight = new double[256];
            long start = 0;
            while (start < 48000 * 4)
            {
                int count = sizes.Chance(0.5) ? 256 : 1 + sizes.Next(256);
                for (int i = 0; i < count; i++)
                {
                    blockLeft[i] = Eventful(start + i, signalLeft);
                    blockRight[i] = Eventful(start + i + 2400, signalRight);
                }

                if (pair)
                {
                    PopDetector.ProcessPair(left, right, blockLeft, blockRight, count, AudioEngine.TimeOfSampleUs(start));
                }
                else
                {
                    left.Process(blockLeft, 0, count, AudioEngine.TimeOfSampleUs(start));
                    right.Process(blockRight, 0, count, AudioEngine.TimeOfSampleUs(start));
                }

                start += count;
            }

            return Exactly(events);
        }

        [TestMethod]
        public static void TheFastPathJudgesExactlyAsTheStraightforwardLoop()
        {
            string reference = Judge(false, false);
            Assert.IsTrue(reference.Split(new char[] { '\n' }).Length > 40, "the programme has events to compare: " + reference);
            Assert.AreEqual(reference, Judge(true, false));
            Assert.AreEqual(reference, Judge(true, true));
        }

        // A second of silence from the start (every measure at zero: the fast path skips whole
        // blocks), then a one-sample spike and a step out of that silence, and silence again
        // (after a signal the low-pass settles in the smallest subnormals, never at exact zero,
        // so the fast path runs sample by sample there).
        private static double AfterSilence(long n)
        {
            if (n == 48000 + 100)
            {
                return 0.05;
            }

            return n >= 60000 && n < 72000 ? 0.02 : 0;
        }

        private static string JudgeAfterSilence(bool fast)
        {
            var events = new ArrayList();
            var detector = new PopDetector("out", events);
            detector.FastPathEnabled = fast;
            var sizes = new DeterministicRandom(5);
            var block = new double[256];
            long start = 0;
            while (start < 48000 * 2)
            {
                int count = sizes.Chance(0.5) ? 256 : 1 + sizes.Next(256);
                for (int i = 0; i < count; i++)
                {
                    block[i] = AfterSilence(start + i);
                }

                detector.Process(block, 0, count, AudioEngine.TimeOfSampleUs(start));
                start += count;
            }

            return Exactly(events);
        }

        // The events as text, each size by its exact bits (not just the rounded dB the text shows).
        private static string Exactly(ArrayList events)
        {
            string text = string.Empty;
            foreach (PopEvent e in events)
            {
                text += e.ToString() + " " + BitConverter.DoubleToInt64Bits(e.Size).ToString() + "\n";
            }

            return text;
        }

        [TestMethod]
        public static void OutOfSilenceTheFastPathJudgesExactlyAsTheStraightforwardLoop()
        {
            string reference = JudgeAfterSilence(false);
            Assert.IsTrue(reference.IndexOf("Click at 1002 ms") >= 0 && reference.IndexOf("Thump at 1253 ms") >= 0 && reference.IndexOf("Thump at 1503 ms") >= 0, "events out of the silence: " + reference);
            Assert.AreEqual(reference, JudgeAfterSilence(true));
        }

        [TestMethod]
        public static void TheDetectorsLowPassCascadeFiltersExactlyAsNextTwice()
        {
            // the band low-pass as the detector runs it (FilterCascade over runs of values) against
            // Biquad.Next of each filter in turn, to the bit
            Biquad first = Biquad.LowPass(150.0, 3000);
            Biquad second = Biquad.LowPass(150.0, 3000);
            Biquad firstReference = Biquad.LowPass(150.0, 3000);
            Biquad secondReference = Biquad.LowPass(150.0, 3000);
            var random = new DeterministicRandom(3);
            var values = new double[20];
            for (int block = 0; block < 200; block++)
            {
                int from = random.Next(3);
                int to = from + random.Next(values.Length - from + 1);
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = block % 7 == 0 ? 0.5 : random.NextDouble() - 0.5;
                }

                var expected = new double[values.Length];
                for (int i = from; i < to; i++)
                {
                    expected[i] = secondReference.Next(firstReference.Next(values[i]));
                }

                Biquad.FilterCascade(first, second, values, from, to);
                for (int i = from; i < to; i++)
                {
                    Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(values[i]), "block " + block.ToString() + ", value " + i.ToString());
                }
            }
        }
    }
}
