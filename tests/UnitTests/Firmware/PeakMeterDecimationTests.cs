using System;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// What the decimated meter (<see cref="PeakMeter.LookFrames"/> frames scanned per 5 ms part of
    /// the frames) gives away, on synthetic frames fed a tick's worth at a time (48 kHz, 480 frames
    /// a 10 ms tick): a sweep of sine frequencies and
    /// levels (each window's reading and the held reading against the sine's amplitude), and clip
    /// bursts of a few lengths (how often they are seen). The bounds are the ones PeakMeter states.
    /// </summary>
    [TestClass]
    public class PeakMeterDecimationTests
    {
        private const int Rate = 48000;
        private const int FramesPerTick = Rate * InterfaceDevice.TickMs / 1000;


        [TestMethod]
        public static void ASineSweepReadsWithinTheStatedBounds()
        {
            double[] levels = { -1, -20, -60 };
            double worstWindow = 0;
            double worstWindowAbove3k = 0;
            double worstHeld = 0;
            string worstAt = string.Empty;
            string figures = "decimated meter against a sine's amplitude (dB low; worst window, held):";
            int count = 0;
            for (double f = 20; f <= 15000; f *= 1.0627)
            {
                for (int l = 0; l < levels.Length; l++)
                {
                    double window;
                    double held;
                    Measure(f, levels[l], 0.1 + 0.37 * count, out window, out held);
                    count++;
                    if (window > worstWindow)
                    {
                        worstWindow = window;
                        worstAt = f.ToString("F0") + " Hz";
                    }

                    if (f >= Rate / PeakMeter.LookFrames && window > worstWindowAbove3k)
                    {
                        worstWindowAbove3k = window;
                    }

                    worstHeld = held > worstHeld ? held : worstHeld;
                    if (l == 0)
                    {
                        figures += "\n  " + f.ToString("F0") + " Hz: " + window.ToString("F2") + ", " + held.ToString("F2");
                    }
                }
            }

            // frequencies that lock to a tick (200 Hz multiples), to the stretch (fs / 16, fs / 18) and to fs / 4
            double[] locking = { 200, 400, 1000, 2000, 2666.6667, 3000, 4000, 6000, 8000, 12000 };
            for (int i = 0; i < locking.Length; i++)
            {
                double window;
                double held;
                Measure(locking[i], -1, i == 9 ? Math.PI / 4 : 0.3, out window, out held);
                figures += "\n  " + locking[i].ToString("F0") + " Hz (locking): " + window.ToString("F2") + ", " + held.ToString("F2");
                worstWindow = window > worstWindow ? window : worstWindow;
                worstWindowAbove3k = locking[i] >= Rate / PeakMeter.LookFrames && window > worstWindowAbove3k ? window : worstWindowAbove3k;
                worstHeld = held > worstHeld ? held : worstHeld;
            }

            OutputHelper.WriteLine(figures + "\n  worst window " + worstWindow.ToString("F2") + " dB low (" + worstAt + "), above "
                + (Rate / PeakMeter.LookFrames).ToString() + " Hz " + worstWindowAbove3k.ToString("F2") + " dB; worst held " + worstHeld.ToString("F2") + " dB");
            Assert.IsTrue(worstWindow * 100 <= PeakMeter.WorstWindowLowCentiDb, "a window read " + worstWindow.ToString("F2") + " dB low at " + worstAt);
            Assert.IsTrue(worstWindowAbove3k <= 0.5, "above fs / ScanFrames a window read " + worstWindowAbove3k.ToString("F2") + " dB low");
            Assert.IsTrue(worstHeld * 100 <= PeakMeter.WorstHeldLowCentiDb, "the hold read " + worstHeld.ToString("F2") + " dB low");
        }

        [TestMethod]
        public static void ClipBurstsAreSeenAsOftenAsStated()
        {
            int[] lengths = { 1, 12, 48, 120, 2 * FramesPerTick };
            string figures = "clip bursts (full scale) seen by the decimated meter:";
            for (int k = 0; k < lengths.Length; k++)
            {
                int trials = 300;
                int seen = 0;
                var tap = new SyntheticTap();
                var meter = new PeakMeter(tap);
                long now = 0;
                for (int t = 0; t < trials; t++)
                {
                    // quiet ticks, then a burst at a new position in the frame stream
                    tap.Quiet(FramesPerTick * 3 + (t * 97) % FramesPerTick);
                    tap.Burst(lengths[k]);
                    tap.Quiet(FramesPerTick - 1);
                    bool clipped = false;
                    while (tap.Pending > 0)
                    {
                        tap.Deliver(FramesPerTick);
                        now += InterfaceDevice.TickMs;
                        meter.Update(now);
                        clipped |= meter.TickClipped(0);
                    }

                    seen += clipped ? 1 : 0;
                }

                double rate = seen / (double)trials;
                double stated = StatedSeen(lengths[k]);
                figures += "\n  " + lengths[k].ToString() + " frames (" + (lengths[k] * 1000.0 / Rate).ToString("F2") + " ms): seen " + (100 * rate).ToString("F0") + " % (stated ≈ "
                    + (100 * (stated > 1 ? 1 : stated)).ToString("F0") + " %)";
                if (lengths[k] >= 2 * FramesPerTick)
                {
                    Assert.AreEqual(trials, seen, "a clip of two ticks' frames (20 ms) is always seen");
                }
                else
                {
                    Assert.IsTrue(Math.Abs(rate - stated) < 0.1, lengths[k].ToString() + " frames seen " + (100 * rate).ToString("F0") + " %, stated " + (100 * stated).ToString("F0") + " %");
                }
            }

            OutputHelper.WriteLine(figures);
        }

        [TestMethod]
        public static void ATickLooksAtItsFramesThroughOneCombAcrossThemAndABusyTickAtHalf()
        {
            var tap = new SyntheticTap();
            var meter = new PeakMeter(tap);
            tap.Sine(1000, 1000000, 0);
            int[] delivered = { FramesPerTick, FramesPerTick, 20 * FramesPerTick, 5 };
            bool[] lean = { false, true, false, false };
            for (int t = 0; t < delivered.Length; t++)
            {
                tap.Reads = 0;
                tap.Deliver(delivered[t]);
                meter.Lean = lean[t];
                meter.Update((t + 1) * InterfaceDevice.TickMs);
                int looks = tap.LastSpan >= 3 ? (tap.LastSpan - 3) / tap.LastStride + 1 : tap.LastSpan;
                int expected = lean[t] ? PeakMeter.LookFrames / 2 : PeakMeter.LookFrames;
                string what = delivered[t].ToString() + " frames" + (lean[t] ? ", busy" : string.Empty);
                Assert.AreEqual(1, tap.Reads, "one comb a tick: " + what);
                Assert.AreEqual(0, tap.AvailableFrames, "every frame looked at or skipped: " + what);
                if (delivered[t] > 3 * PeakMeter.LookFrames)
                {
                    Assert.AreEqual(expected, looks, "frames looked at: " + what);
                    Assert.IsTrue(4 * tap.LastSpan >= 3 * delivered[t] - 4 * tap.LastStride, "the comb spans at least three quarters of the frames: " + what);
                }
                else
                {
                    Assert.AreEqual(delivered[t] - 2, looks, "a few frames: every one with both neighbours looked at");
                }
            }
        }

        // A burst of L frames is seen when a looked-at frame falls in it: about L / stride of the
        // time for a burst shorter than the stride (≈ frames a tick / LookFrames, 30 at 10 ms), and
        // when the comb reaches it for a longer one (it spans 3/4 to all of the tick's frames).
        private static double StatedSeen(int length)
        {
            double stride = (FramesPerTick - 3) / (double)(PeakMeter.LookFrames - 1) * 0.875;
            return length < stride ? length / stride : 1.0;
        }

        // A steady sine for 1 s to settle, then 2 s of windows: the worst window's and the hold's shortfall against the amplitude (dB).
        private static void Measure(double frequency, double levelDb, double phase, out double worstWindowLow, out double heldLow)
        {
            var tap = new SyntheticTap();
            var meter = new PeakMeter(tap);
            double amplitude = Dbfs.FullScale * Math.Pow(10, levelDb / 20);
            tap.Sine(frequency, amplitude, phase);
            long now = 0;
            for (int t = 0; t < 1000 / InterfaceDevice.TickMs; t++)
            {
                tap.Deliver(FramesPerTick);
                now += InterfaceDevice.TickMs;
                meter.Update(now);
            }

            double truePeak = 20 * Math.Log10(amplitude / Dbfs.FullScale);
            worstWindowLow = 0;
            int windows = meter.Windows;
            for (int t = 0; t < 2000 / InterfaceDevice.TickMs; t++)
            {
                tap.Deliver(FramesPerTick);
                now += InterfaceDevice.TickMs;
                meter.Update(now);
                if (meter.Windows != windows)
                {
                    windows = meter.Windows;
                    double low = truePeak - meter.PeakCentiDb(0) / 100.0;
                    worstWindowLow = low > worstWindowLow ? low : worstWindowLow;
                }
            }

            heldLow = truePeak - meter.HeldCentiDb(0) / 100.0;
        }

        /// <summary>Frames made on demand: a sine on both channels, or queued quiet frames and full-scale bursts.</summary>
        private sealed class SyntheticTap : IAdcTap
        {
            private readonly int[] _queue = new int[16 * FramesPerTick];
            private readonly int[] _scanned = new int[2 * 32 * FramesPerTick];
            private double _frequency;
            private double _amplitude;
            private double _phase;
            private long _sample;
            private int _queued;
            private int _available;
            private int _readAt;

            /// <summary>Calls of <see cref="ReadFrames"/> (stretches scanned).</summary>
            public int Reads;

            public int SampleRate
            {
                get { return Rate; }
            }

            public int AvailableFrames
            {
                get { return _available; }
            }

            /// <summary>Queued frames not yet delivered.</summary>
            public int Pending
            {
                get { return _queued > 0 ? _queued - _readAt - _available : 0; }
            }

            public void Sine(double frequency, double amplitude, double phase)
            {
                _frequency = frequency;
                _amplitude = amplitude;
                _phase = phase;
            }

            public void Quiet(int frames)
            {
                Queue(frames, 1000);
            }

            public void Burst(int frames)
            {
                Queue(frames, Dbfs.FullScale);
            }

            /// <summary>A tick's worth of frames arrives (the meter takes all of them: it skips what it does not scan).</summary>
            public void Deliver(int frames)
            {
                int left = _queued > 0 ? _queued - _readAt : frames;
                _available = frames < left ? frames : left;
            }

            public int ReadFrames(int[] interleaved, int offset, int maxFrames)
            {
                Reads++;
                int frames = _available < maxFrames ? _available : maxFrames;
                for (int i = 0; i < frames; i++)
                {
                    int value;
                    if (_queued > 0)
                    {
                        value = _queue[_readAt + i];
                    }
                    else
                    {
                        value = (int)Math.Round(_amplitude * Math.Sin(2 * Math.PI * _frequency * (_sample + i) / Rate + _phase));
                    }

                    interleaved[offset + 2 * i] = value;
                    interleaved[offset + 2 * i + 1] = value;
                }

                Consume(frames);
                return frames;
            }

            /// <summary>The last scan's stride and the frames it took.</summary>
            public int LastStride;

            public int LastSpan;

            public int ScanFrames(int maxFrames, int stride, StretchPeaks peaks)
            {
                int frames = ReadFrames(_scanned, 0, maxFrames);
                LastStride = stride;
                LastSpan = frames;
                peaks.Find(_scanned, 0, frames, stride);
                return frames;
            }

            public int SkipFrames(int maxFrames)
            {
                int frames = _available < maxFrames ? _available : maxFrames;
                Consume(frames);
                return frames;
            }

            private void Consume(int frames)
            {
                _available -= frames;
                _sample += frames;
                if (_queued > 0)
                {
                    _readAt += frames;
                    if (_readAt >= _queued)
                    {
                        _queued = 0;
                        _readAt = 0;
                    }
                }
            }

            private void Queue(int frames, int value)
            {
                for (int i = 0; i < frames; i++)
                {
                    _queue[_queued++] = value;
                }
            }
        }
    }
}
