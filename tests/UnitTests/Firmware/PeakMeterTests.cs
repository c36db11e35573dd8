using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Inputs;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The input meters against the true peaks of what the ADC delivered: sines at several levels
    /// and frequencies (the true peak is the amplitude of the sine fitted to the recorded samples)
    /// and periodic non-sines (the true peak of the band-limited signal through the recorded
    /// samples, from its Fourier series); the hold, the update rate and the clip flag. The meter is
    /// decimated (PeakMeter.ScanFrames per 5 ms of frames): a window may read low by up to
    /// PeakMeter.WorstWindowLowCentiDb (a sine; PeakMeter.WorstNonSineWindowLowCentiDb for a
    /// harmonic-rich tone, whose narrow crest the stretches can all miss), never more than 0.5 dB high, and the highest window (what
    /// the hold shows) within 0.5 dB (PeakMeterDecimationTests sweeps the frequencies).
    /// </summary>
    [TestClass]
    public class PeakMeterTests
    {
        private const double WindowLowDb = PeakMeter.WorstWindowLowCentiDb / 100.0;

        private const int DefaultGainDb = 12; // the reference board's input gain at boot

        [TestMethod]
        public static void TheIntegerDecibelsMatchLog10()
        {
            int worst = 0;
            for (int amplitude = 1; amplitude <= Dbfs.FullScale; amplitude = amplitude * 9 / 8 + 1)
            {
                int expected = (int)Math.Round(2000.0 * Math.Log10(amplitude / (double)Dbfs.FullScale));
                int error = Math.Abs(Dbfs.FromAmplitude(amplitude) - expected);
                worst = error > worst ? error : worst;
                Assert.AreEqual(Dbfs.FromAmplitude(amplitude), Dbfs.FromAmplitude(-amplitude), "sign");
            }

            Assert.IsTrue(worst <= 1, "off by " + worst.ToString() + " hundredths of a dB");
            Assert.AreEqual(0, Dbfs.FromAmplitude(Dbfs.FullScale));
            Assert.AreEqual(Dbfs.FloorCentiDb, Dbfs.FromAmplitude(0));
            Assert.AreEqual(-1200, Dbfs.FromAmplitude(Dbfs.ToAmplitude(-1200)));
        }

        [TestMethod]
        public static void ThreeSamplesOfASineGiveItsAmplitude()
        {
            // every frequency up to 15 kHz, phases across a sample: within 0.02 dB (24-bit rounding)
            double worst = 0;
            double worstFitted = 0;
            for (int f = 100; f <= 15000; f += 700)
            {
                double w = 2 * Math.PI * f / 48000.0;
                for (int p = 0; p < 8; p++)
                {
                    double phase = Math.PI / 2 + w * (p / 8.0 - 0.5); // the middle sample within half a sample of the crest
                    double amplitude = 0.3 * Dbfs.FullScale;
                    int before = (int)Math.Round(amplitude * Math.Sin(phase - w));
                    int peak = (int)Math.Round(amplitude * Math.Sin(phase));
                    int after = (int)Math.Round(amplitude * Math.Sin(phase + w));
                    double error = Math.Abs(20 * Math.Log10(PeakMeter.EstimatePeak(before, peak, after) / amplitude));
                    worst = error > worst ? error : worst;
                    if (f >= 2600)
                    {
                        worstFitted = error > worstFitted ? error : worstFitted; // the fit's roots: exact to the samples' rounding
                    }
                }
            }

            Assert.IsTrue(worst < 0.12, "worst " + worst.ToString("F3") + " dB"); // ≤ 0.11 dB where the sample peak is taken as is (below ~2.4 kHz)
            Assert.IsTrue(worstFitted < 0.001, "worst where the sine is fitted " + worstFitted.ToString("F5") + " dB");
        }

        [TestMethod]
        public static void ASineReadsItsTruePeakWithinHalfADb()
        {
            var rig = new InputRig("reference");
            int[] frequencies = { 100, 997, 5000, 12000, 15000 };
            int[] levels = { -1, -20, -60 };
            string figures = "meter error against a sine's true peak (dB; largest sample's error in brackets):";
            double worst = 0;
            for (int f = 0; f < frequencies.Length; f++)
            {
                figures += "\n  " + frequencies[f].ToString() + " Hz:";
                for (int l = 0; l < levels.Length; l++)
                {
                    // 12 kHz = fs/4 at 45°: every sample sits 3 dB below the crest
                    double phase = frequencies[f] == 12000 ? Math.PI / 4 : 0.3;
                    rig.SetInput(0, new SineSource(frequencies[f], Decibels.ToLinear(levels[l] - DefaultGainDb), phase));
                    rig.Run(250); // the ADC's high-pass settles after the step
                    double[] readings = CollectWindows(rig, 300, 0);
                    double truePeak = FittedSineDb(rig.Tap.Newest(0, 300 * 48), frequencies[f]);
                    double samplePeak = rig.Tap.SamplePeakDb(0, 300 * 48);
                    double error = HighestError(readings, truePeak);
                    worst = Math.Abs(error) > worst ? Math.Abs(error) : worst;
                    figures += " " + levels[l].ToString() + " dBFS " + error.ToString("F2") + ", lowest window " + (LowestReading(readings) - truePeak).ToString("F2") + " (" + (samplePeak - truePeak).ToString("F2") + ");";
                    Assert.IsTrue(Math.Abs(truePeak - levels[l]) < 0.3, "the source landed at " + truePeak.ToString("F2") + " dBFS");
                    Assert.IsTrue(Math.Abs(error) <= 0.5, frequencies[f].ToString() + " Hz at " + levels[l].ToString() + " dBFS: the highest window reads " + error.ToString("F2") + " dB off");
                    Assert.IsTrue(LowestReading(readings) - truePeak >= -WindowLowDb, frequencies[f].ToString() + " Hz at " + levels[l].ToString() + " dBFS: a window reads " + (LowestReading(readings) - truePeak).ToString("F2") + " dB off");
                }
            }

            OutputHelper.WriteLine(figures + "\n  worst " + worst.ToString("F2") + " dB");
        }

        [TestMethod]
        [DataRow(150, 10)] // the speech-like voice: harmonics to 1.5 kHz
        [DataRow(750, 9)] // a bright tone: harmonics to 6.75 kHz
        [DataRow(1000, 0)] // 11 kHz + 13 kHz: its crests fall between samples
        public static void ANonSineReadsItsTruePeakWithinHalfADb(int fundamentalHz, int harmonics)
        {
            var rig = new InputRig("reference");
            double[] period = harmonics > 0 ? TestSignals.Harmonics(fundamentalHz, harmonics, 0.7) : TestSignals.Tones(fundamentalHz, new int[] { 11, 13 });
            rig.SetInput(0, new LoopSource(period, Decibels.ToLinear(-6 - DefaultGainDb)));
            rig.Run(250);
            double[] readings = CollectWindows(rig, 300, 0);
            double truePeak = PeriodicTruePeakDb(rig.Tap.Newest(0, period.Length));
            double samplePeak = rig.Tap.SamplePeakDb(0, 300 * 48);
            double error = HighestError(readings, truePeak);
            double lowest = LowestReading(readings) - truePeak;
            OutputHelper.WriteLine(fundamentalHz.ToString() + " Hz × " + harmonics.ToString() + " harmonics: true peak " + truePeak.ToString("F2")
                + " dBFS, highest window off by " + error.ToString("F2") + " dB, lowest by " + lowest.ToString("F2") + ", largest sample by " + (samplePeak - truePeak).ToString("F2"));
            Assert.IsTrue(Math.Abs(error) <= 0.5, "the highest window reads " + error.ToString("F2") + " dB off");
            double allowed = harmonics > 0 ? PeakMeter.WorstNonSineWindowLowCentiDb / 100.0 : WindowLowDb;
            Assert.IsTrue(lowest >= -allowed, "a window reads " + lowest.ToString("F2") + " dB off");
        }

        [TestMethod]
        public static void TheMeterUpdatesTwentyTimesASecondAndHoldsItsPeak()
        {
            var rig = new InputRig("reference");
            int windows = rig.Inputs.Meter.Windows;
            rig.Run(1000);
            int perSecond = rig.Inputs.Meter.Windows - windows;
            Assert.IsTrue(perSecond >= 18, perSecond.ToString() + " updates a second");

            // 1 kHz from phase 0: every tick boundary is a zero crossing, so switching it off leaves no
            // step (a step's band-limited peak lies above its samples, and the meter would say so)
            rig.SetInput(0, new SineSource(1000, Decibels.ToLinear(-6 - DefaultGainDb), 0));
            rig.Run(300);
            int held = rig.Inputs.Meter.HeldCentiDb(0);
            Assert.IsTrue(Math.Abs(held + 600) <= 50, "held " + held.ToString());
            rig.SetInput(0, SilenceSource.Instance);
            rig.Run(150);
            Assert.IsTrue(rig.Inputs.Meter.PeakCentiDb(0) < -6000, "the level falls with the signal (the ADC's high-pass leaves a small tail): " + rig.Inputs.Meter.PeakCentiDb(0).ToString());
            Assert.AreEqual(held, rig.Inputs.Meter.HeldCentiDb(0), "the hold stays");
            rig.Run(PeakMeter.DefaultHoldMs - 300);
            Assert.AreEqual(held, rig.Inputs.Meter.HeldCentiDb(0), "still held before the hold time is up");
            rig.Run(300);
            Assert.IsTrue(rig.Inputs.Meter.HeldCentiDb(0) < -9000, "the hold lets go after " + PeakMeter.DefaultHoldMs.ToString() + " ms");
            Assert.IsTrue(rig.Inputs.Meter.PeakCentiDb(1) < -9000, "the other input stays quiet");
        }

        [TestMethod]
        public static void AClipIsFlaggedLongEnoughToBeSeen()
        {
            var rig = new InputRig("reference");
            rig.SetInput(0, new SineSource(997, Decibels.ToLinear(-1 - DefaultGainDb)));
            rig.Run(300);
            Assert.IsFalse(rig.Inputs.Meter.Clipping(0), "−1 dBFS is no clip");

            // 10 ms at +6 dBFS
            rig.SetInput(0, new SineSource(997, Decibels.ToLinear(6 - DefaultGainDb)));
            rig.Run(10);
            Assert.IsTrue(rig.Inputs.Meter.Clipping(0), "flagged in the tick that read it");
            Assert.IsFalse(rig.Inputs.Meter.Clipping(1));
            rig.SetInput(0, SilenceSource.Instance);
            rig.Run(PeakMeter.DefaultClipHoldMs - 20);
            Assert.IsTrue(rig.Inputs.Meter.Clipping(0), "still up after " + (PeakMeter.DefaultClipHoldMs - 20).ToString() + " ms");
            rig.Run(40);
            Assert.IsFalse(rig.Inputs.Meter.Clipping(0), "down after the hold");
            Assert.IsTrue(rig.Inputs.Meter.ClipCount(0) > 0);
        }

        // The meter's readings (dBFS) of the windows published in the next <ms>.
        private static double[] CollectWindows(InputRig rig, int ms, int channel)
        {
            var readings = new double[ms / 5];
            int count = 0;
            int windows = rig.Inputs.Meter.Windows;
            for (int elapsed = 0; elapsed < ms; elapsed += 5)
            {
                rig.Run(5);
                if (rig.Inputs.Meter.Windows != windows)
                {
                    windows = rig.Inputs.Meter.Windows;
                    readings[count++] = rig.Inputs.Meter.PeakCentiDb(channel) / 100.0;
                }
            }

            Assert.IsTrue(count >= ms / 60, "windows published: " + count.ToString());
            var result = new double[count];
            Array.Copy(readings, result, count);
            return result;
        }

        // The highest window against the true peak (what the hold shows).
        private static double HighestError(double[] readings, double truePeakDb)
        {
            double highest = double.MinValue;
            for (int i = 0; i < readings.Length; i++)
            {
                highest = readings[i] > highest ? readings[i] : highest;
            }

            return highest - truePeakDb;
        }

        private static double LowestReading(double[] readings)
        {
            double lowest = double.MaxValue;
            for (int i = 0; i < readings.Length; i++)
            {
                lowest = readings[i] < lowest ? readings[i] : lowest;
            }

            return lowest;
        }

        // Least-squares fit of a sin + b cos at the known frequency: the sine's amplitude in dBFS.
        private static double FittedSineDb(double[] x, int frequencyHz)
        {
            double w = 2 * Math.PI * frequencyHz / 48000.0;
            double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
            for (int n = 0; n < x.Length; n++)
            {
                double s = Math.Sin(w * n);
                double c = Math.Cos(w * n);
                ss += s * s;
                sc += s * c;
                cc += c * c;
                xs += x[n] * s;
                xc += x[n] * c;
            }

            double det = ss * cc - sc * sc;
            double a = (xs * cc - xc * sc) / det;
            double b = (xc * ss - xs * sc) / det;
            return Decibels.ToDb(Math.Sqrt(a * a + b * b));
        }

        // The peak of the band-limited periodic signal through one period of samples (its Fourier series, 16× between samples).
        private static double PeriodicTruePeakDb(double[] period)
        {
            int n = period.Length;
            int bins = n / 2;
            var re = new double[bins + 1];
            var im = new double[bins + 1];
            for (int k = 0; k <= bins; k++)
            {
                for (int i = 0; i < n; i++)
                {
                    re[k] += period[i] * Math.Cos(2 * Math.PI * k * i / n);
                    im[k] -= period[i] * Math.Sin(2 * Math.PI * k * i / n);
                }
            }

            double peak = 0;
            for (int j = 0; j < 16 * n; j++)
            {
                double t = j / 16.0;
                double x = re[0] / n;
                for (int k = 1; k <= bins; k++)
                {
                    double weight = k == bins && n % 2 == 0 ? 1.0 : 2.0;
                    x += weight / n * (re[k] * Math.Cos(2 * Math.PI * k * t / n) - im[k] * Math.Sin(2 * Math.PI * k * t / n));
                }

                peak = Math.Abs(x) > peak ? Math.Abs(x) : peak;
            }

            return Decibels.ToDb(peak);
        }
    }
}
