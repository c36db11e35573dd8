using System;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.UnitTests.Drivers;
using InterfaceFirmware.UnitTests.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The firmware's EQ on the emulated portable board: plans loaded through the SGTL5000
    /// driver (<see cref="EqLoader"/>), the rendered response at the SGTL5000's headphone jack
    /// against the design, the preamp and the AVC limiter with a full-scale source, and preset
    /// changes under music.
    /// </summary>
    [TestClass]
    public class EqEmulatorTests
    {
        private const int Rate = 48000;

        /// <summary>Third-octave points 1000·2^(n/3), n = −17 … 13 (19.7 Hz … 20.2 kHz), rounded to whole Hz (orthogonal over 1 s).</summary>
        private static int[] ThirdOctaves()
        {
            var points = new int[31];
            for (int n = -17; n <= 13; n++)
            {
                points[n + 17] = (int)Math.Floor(1000 * Math.Pow(2, n / 3.0) + 0.5);
            }

            return points;
        }

        [TestMethod]
        public static void TheRenderedResponseFollowsTheDesignWithinATenthOfADecibelAt48K()
        {
            int[] points = ThirdOctaves();
            var rig = new PortableDriverRig();
            var loader = new EqLoader(rig.Codec);
            var plan = new EqPlan();
            plan.Compute(new EqPreset(), Rate);
            loader.Load(plan, rig.Now); // flat, through the DAP: the reference path
            rig.Board.Usb.StartPlayback(Rate, MultiTone(points), MultiTone(points));
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            Run(rig, loader, 500);
            double[] flat = MeasureSecond(rig, loader, points);

            EqPreset[] presets = EqDesignerTests.TestPresets();
            double overall = 0;
            for (int p = 1; p < presets.Length; p++)
            {
                plan.Compute(presets[p], Rate);
                loader.Load(plan, rig.Now);
                RunUntilLoaded(rig, loader);
                Run(rig, loader, 300);
                double[] levels = MeasureSecond(rig, loader, points);
                double worst = 0;
                int worstAt = 0;
                for (int i = 0; i < points.Length; i++)
                {
                    double error = Math.Abs(levels[i] - flat[i] - plan.ResponseDb(points[i]));
                    if (error > worst)
                    {
                        worst = error;
                        worstAt = points[i];
                    }
                }

                overall = Math.Max(overall, worst);
                OutputHelper.WriteLine(EqDesignerTests.Name(p) + " at 48 kHz: preamp " + plan.PreampDb.ToString("F2") + " dB, rendered vs designed worst "
                    + worst.ToString("F3") + " dB at " + worstAt.ToString() + " Hz");
                Assert.IsTrue(worst <= 0.3, EqDesignerTests.Name(p) + ": " + worst.ToString("F3") + " dB off at " + worstAt.ToString() + " Hz");
            }

            OutputHelper.WriteLine("worst of all presets: " + overall.ToString("F3") + " dB");
        }

        [TestMethod]
        public static void At441KTheLoadedCoefficientsFollowTheDesign()
        {
            // The emulator renders at 48 kHz only: the chip's loaded (quantized) biquads evaluated at 44.1 kHz.
            int[] points = ThirdOctaves();
            var rig = new PortableDriverRig();
            var loader = new EqLoader(rig.Codec);
            var plan = new EqPlan();
            EqPreset[] presets = EqDesignerTests.TestPresets();
            for (int r = 0; r < 2; r++)
            {
                int rate = r == 0 ? 44100 : 48000;
                for (int p = 1; p < presets.Length; p++)
                {
                    plan.Compute(presets[p], rate);
                    loader.Load(plan, rig.Now);
                    Assert.IsFalse(loader.Busy, "written at once while the codec is off");
                    double worst = 0;
                    for (int i = 0; i < points.Length; i++)
                    {
                        if (points[i] < 0.49 * rate)
                        {
                            worst = Math.Max(worst, Math.Abs(rig.Model.PeqResponseDb(points[i], rate) - plan.ResponseDb(points[i])));
                        }
                    }

                    OutputHelper.WriteLine(EqDesignerTests.Name(p) + " at " + rate.ToString() + ": preamp " + plan.PreampDb.ToString("F2") + " dB, loaded vs designed worst " + worst.ToString("F4") + " dB");
                    Assert.IsTrue(worst <= 0.3, EqDesignerTests.Name(p) + " at " + rate.ToString() + ": " + worst.ToString("F4"));
                    Assert.AreEqual(plan.BandCount, rig.Model.PeqActiveCount);
                }
            }
        }

        [TestMethod]
        public static void AFullScaleSourceThroughA12DbBassBoostDoesNotClipAndTheLimiterHoldsItsCap()
        {
            var preset = new EqPreset();
            preset.Add(EqFilterType.LowShelf, 100, 1200, 707);
            var plan = new EqPlan();
            plan.Compute(preset, Rate);
            var rig = new PortableDriverRig();
            var loader = new EqLoader(rig.Codec);
            loader.Load(plan, rig.Now);
            rig.Board.Usb.StartPlayback(Rate, new SineSource(50, 1.0), new SineSource(50, 1.0));
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            Run(rig, loader, 1000);

            // No limiter: the preamp keeps the full-scale bass tone inside the DAP's range, undistorted.
            double level = LockInDb(rig, 50, 48000);
            double third = LockInDb(rig, 150, 48000);
            OutputHelper.WriteLine("full-scale 50 Hz through +12 dB: " + level.ToString("F2") + " dBFS (designed " + plan.ResponseDb(50).ToString("F2") + "), 3rd harmonic " + (third - level).ToString("F1") + " dB");
            DriverTestHelpers.AssertLevel(plan.ResponseDb(50), level, 0.1);
            Assert.IsTrue(third - level < -80, "no clipping inside the chip");

            // The limiter at −6 dBFS: full-scale tone, then full-scale music, both through the boost.
            const int capCentiDb = -600;
            PeakLimiter.Enable(rig.Codec, capCentiDb);
            long from = rig.Board.Audio.NextSample;
            Run(rig, loader, 2000);
            double tonePeak = PeakDb(rig, from);
            rig.Board.Usb.StartPlayback(Rate, new SampleSource(FullScaleMusic(), Rate, true), new SampleSource(FullScaleMusic(), Rate, true));
            from = rig.Board.Audio.NextSample;
            Run(rig, loader, 3000);
            double musicPeak = PeakDb(rig, from);
            OutputHelper.WriteLine("limiter cap " + (capCentiDb / 100.0).ToString("F1") + " dBFS: peaks " + tonePeak.ToString("F2") + " dBFS (tone), "
                + musicPeak.ToString("F2") + " dBFS (music); AVC gain " + Decibels.ToDb(rig.Model.AvcGain(true)).ToString("F1") + " dB");
            Assert.IsTrue(tonePeak <= capCentiDb / 100.0 + 0.01, "tone peaks at or under the cap");
            Assert.IsTrue(musicPeak <= capCentiDb / 100.0 + 0.01, "music peaks at or under the cap");
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void PresetStepsUnderMusicMakeNoPop()
        {
            int fadedPops = PopsOverPresetSteps(true);
            int abruptPops = PopsOverPresetSteps(false);
            OutputHelper.WriteLine("preset steps under music: " + fadedPops.ToString() + " pop events with the fade, " + abruptPops.ToString() + " written under sound");
            Assert.AreEqual(0, fadedPops);
        }

        // Flat → each test preset → flat, under music, loads faded (or not); the pop events after the first second.
        private static int PopsOverPresetSteps(bool fade)
        {
            var rig = new PortableDriverRig();
            var loader = new EqLoader(rig.Codec);
            loader.FadeAroundWrites = fade;
            var plan = new EqPlan();
            plan.Compute(new EqPreset(), Rate);
            loader.Load(plan, rig.Now);
            double[] music = TestSignals.Music();
            var quieter = new double[music.Length];
            for (int i = 0; i < music.Length; i++)
            {
                quieter[i] = 0.4 * music[i];
            }

            rig.Board.Usb.StartPlayback(Rate, new SampleSource(quieter, Rate, true), new SampleSource(quieter, Rate, true));
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            Run(rig, loader, 1000);
            long since = rig.Board.Clock.NowUs;
            EqPreset[] presets = EqDesignerTests.TestPresets();
            for (int p = 1; p <= presets.Length; p++)
            {
                plan.Compute(p < presets.Length ? presets[p] : new EqPreset(), Rate);
                loader.Load(plan, rig.Now);
                RunUntilLoaded(rig, loader);
                Run(rig, loader, 400);
            }

            Assert.AreEqual(presets.Length, loader.Loads - 1, "every step loaded");
            if (fade)
            {
                Assert.IsFalse(rig.Codec.Muted, "the outputs are open again");
            }

            return ReferenceBoardRig.CountPops(rig.Board, string.Empty, since);
        }

        // ---- helpers -----------------------------------------------------------------------------

        private static void Run(PortableDriverRig rig, EqLoader loader, int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += DriverTestHelpers.TickMs)
            {
                rig.Run(DriverTestHelpers.TickMs);
                loader.Tick(rig.Now);
            }
        }

        private static void RunUntilLoaded(PortableDriverRig rig, EqLoader loader)
        {
            int elapsed = 0;
            while (loader.Busy)
            {
                Assert.IsTrue(elapsed < 1000, "the load takes over a second");
                Run(rig, loader, DriverTestHelpers.TickMs);
                elapsed += DriverTestHelpers.TickMs;
            }
        }

        // Runs one second and returns each point's level (dB) at the headphone jack over it.
        private static double[] MeasureSecond(PortableDriverRig rig, EqLoader loader, int[] points)
        {
            Run(rig, loader, 1000);
            var levels = new double[points.Length];
            for (int i = 0; i < points.Length; i++)
            {
                levels[i] = LockInDb(rig, points[i], Rate);
            }

            return levels;
        }

        // The level of a whole-Hz tone (dB re full scale) at the headphone jack's left side over the last count samples.
        private static double LockInDb(PortableDriverRig rig, int hz, int count)
        {
            SignalRecorder recorder = rig.HeadphoneJack.Recorder(true);
            long end = rig.Board.Audio.NextSample;
            double stepCos = Math.Cos(2 * Math.PI * hz / AudioEngine.SampleRate);
            double stepSin = Math.Sin(2 * Math.PI * hz / AudioEngine.SampleRate);
            double c = 1, s = 0, re = 0, im = 0;
            for (long n = end - count; n < end; n++)
            {
                double x = recorder.At(n);
                re += x * c;
                im += x * s;
                double next = c * stepCos - s * stepSin;
                s = s * stepCos + c * stepSin;
                c = next;
            }

            return Decibels.ToDb(2 * Math.Sqrt(re * re + im * im) / count);
        }

        private static double PeakDb(PortableDriverRig rig, long from)
        {
            SignalRecorder recorder = rig.HeadphoneJack.Recorder(true);
            long end = rig.Board.Audio.NextSample;
            double peak = 0;
            for (long n = from; n < end; n++)
            {
                peak = Math.Max(peak, Math.Abs(recorder.At(n)));
            }

            return Decibels.ToDb(peak);
        }

        // One second of every point at −40 dBFS, Schroeder phases (a low crest factor), looped.
        private static SignalSource MultiTone(int[] points)
        {
            var samples = new double[Rate];
            for (int k = 0; k < points.Length; k++)
            {
                double phase = Math.PI * k * k / points.Length;
                for (int i = 0; i < Rate; i++)
                {
                    samples[i] += 0.01 * Math.Sin(2 * Math.PI * points[k] * i / Rate + phase);
                }
            }

            return new SampleSource(samples, Rate, true);
        }

        // The music-like signal normalized to a peak of full scale.
        private static double[] FullScaleMusic()
        {
            double[] music = TestSignals.Music();
            double peak = 0;
            for (int i = 0; i < music.Length; i++)
            {
                peak = Math.Max(peak, Math.Abs(music[i]));
            }

            var scaled = new double[music.Length];
            for (int i = 0; i < music.Length; i++)
            {
                scaled[i] = music[i] / peak;
            }

            return scaled;
        }
    }
}
