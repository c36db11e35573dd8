using System;
using InterfaceFirmware.Firmware.Eq;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The firmware's EQ design against a double-precision RBJ reference written here with
    /// System.Math: its own sin/cos/exp/ln, each filter type's coefficients in the chip's 20-bit
    /// format, the plan's preamp (no partial cascade above full scale) and the preset format.
    /// </summary>
    [TestClass]
    public class EqDesignerTests
    {
        [TestMethod]
        public static void TheFirmwaresOwnFunctionsMatchSystemMath()
        {
            double worst = 0;
            for (double x = -25; x <= 25; x += 0.0137)
            {
                worst = Math.Max(worst, Math.Abs(EqMath.Sin(x) - Math.Sin(x)));
                worst = Math.Max(worst, Math.Abs(EqMath.Cos(x) - Math.Cos(x)));
                worst = Math.Max(worst, Math.Abs(EqMath.Exp(x) / Math.Exp(x) - 1));
            }

            for (double x = 1e-6; x < 1e7; x *= 1.37)
            {
                worst = Math.Max(worst, Math.Abs(EqMath.Ln(x) - Math.Log(x)));
                worst = Math.Max(worst, Math.Abs(EqMath.Sqrt(x) / Math.Sqrt(x) - 1));
            }

            for (double db = -40; db <= 40; db += 0.01)
            {
                worst = Math.Max(worst, Math.Abs(EqMath.Pow10(db / 40) / Math.Pow(10, db / 40) - 1));
            }

            OutputHelper.WriteLine("worst error of the firmware's functions: " + worst.ToString("E2"));
            Assert.IsTrue(worst < 1e-11, "worst error " + worst.ToString("E2"));
            Assert.AreEqual(3, EqMath.Round(2.5));
            Assert.AreEqual(-3, EqMath.Round(-2.5));
        }

        [TestMethod]
        [DataRow(1, 1000, 600, 1000, 48000)]
        [DataRow(1, 40, -1200, 2000, 48000)]
        [DataRow(1, 25, 600, 700, 44100)]
        [DataRow(1, 18000, 900, 700, 44100)]
        [DataRow(2, 105, 640, 700, 48000)]
        [DataRow(2, 30, 1200, 707, 44100)]
        [DataRow(3, 8000, -600, 707, 48000)]
        [DataRow(3, 3000, 1200, 500, 44100)]
        [DataRow(4, 12000, 0, 707, 48000)]
        [DataRow(5, 80, 0, 1500, 44100)]
        public static void EachTypeQuantizesAsTheDoubleReference(int type, int hz, int gainCentiDb, int qMilli, int rate)
        {
            var normalized = new double[5];
            EqDesigner.Design((EqFilterType)type, hz, gainCentiDb / 100.0, qMilli / 1000.0, rate, normalized);
            // The gain the plan would give it if its b coefficients exceed the format's ±2.
            double gain = Math.Min(1.0, 1.999 / EqDesigner.LargestFeedForward(normalized));
            var chip = new int[5];
            Assert.IsTrue(EqDesigner.Quantize(normalized, gain, rate, chip), "fits 20 bits");
            double[] reference = Reference(type, hz, gainCentiDb / 100.0, qMilli / 1000.0, rate);
            for (int i = 0; i < 5; i++)
            {
                double value = i < 3 ? reference[i] * gain : -reference[i];
                int expected = (int)(Math.Sign(value) * Math.Floor(Math.Abs(value) * 262144.0 + 0.5));
                int allowed = i < 3 ? 4 : 1; // the closest of the roundings around the design (EqDesigner.Quantize)
                Assert.IsTrue(Math.Abs(chip[i] - expected) <= allowed, "coefficient " + i.ToString() + ": " + chip[i].ToString() + " vs " + expected.ToString());
            }

            // The quantized filter's response against the exact reference at third-octave points,
            // and what rounding each coefficient on its own would give.
            var quantized = new double[5];
            EqDesigner.Dequantize(chip, quantized);
            var rounded = new double[5];
            for (int i = 0; i < 5; i++)
            {
                rounded[i] = Math.Floor(reference[i] * (i < 3 ? gain : 1) * 262144.0 + 0.5) / 262144.0;
            }

            double worst = 0;
            double worstRounded = 0;
            for (int n = -17; n <= 13; n++)
            {
                double f = 1000 * Math.Pow(2, n / 3.0);
                if (f >= 0.49 * rate)
                {
                    continue;
                }

                double exact = 20 * Math.Log10(gain) + ResponseDb(reference, f, rate);
                worst = Math.Max(worst, Math.Abs(ResponseDb(quantized, f, rate) - exact));
                worstRounded = Math.Max(worstRounded, Math.Abs(ResponseDb(rounded, f, rate) - exact));
            }

            OutputHelper.WriteLine("type " + type.ToString() + " " + hz.ToString() + " Hz at " + rate.ToString() + ": worst " + worst.ToString("F4")
                + " dB (each coefficient rounded: " + worstRounded.ToString("F4") + " dB)");
            Assert.IsTrue(worst <= worstRounded + 0.0005, "no worse than rounding each coefficient");
            Assert.IsTrue(hz < 100 || worst < 0.02, "quantized response off by " + worst.ToString("F4") + " dB");

            // What each type is for, at its frequency.
            double g = gainCentiDb / 100.0;
            switch (type)
            {
                case 1: Assert.IsTrue(Math.Abs(ResponseDb(reference, hz, rate) - g) < 0.001, "peak gain at f0"); break;
                case 2: Assert.IsTrue(Math.Abs(ResponseDb(reference, 1, rate) - g) < 0.05 && Math.Abs(ResponseDb(reference, hz, rate) - g / 2) < 0.001, "low shelf"); break;
                case 3: Assert.IsTrue(Math.Abs(ResponseDb(reference, rate / 2.0 - 1, rate) - g) < 0.1 && Math.Abs(ResponseDb(reference, hz, rate) - g / 2) < 0.001, "high shelf"); break;
                default: Assert.IsTrue(Math.Abs(ResponseDb(reference, hz, rate) - 20 * Math.Log10(qMilli / 1000.0)) < 0.001, "pass filter: Q at f0"); break;
            }
        }

        [TestMethod]
        [DataRow(48000)]
        [DataRow(44100)]
        public static void ThePlanNeverLetsAPartialCascadeAboveFullScale(int rate)
        {
            EqPreset[] presets = TestPresets();
            for (int p = 0; p < presets.Length; p++)
            {
                var plan = new EqPlan();
                plan.Compute(presets[p], rate);
                Assert.IsFalse(plan.Clamped, "no coefficient clamped");
                var q = new double[5];
                double worstPartial = double.NegativeInfinity;
                double worstError = 0;
                for (double f = 5; f < rate / 2.0; f *= Math.Pow(2, 1 / 96.0))
                {
                    double db = 0;
                    for (int k = 0; k < plan.BandCount; k++)
                    {
                        int[] chip = new int[5];
                        for (int i = 0; i < 5; i++)
                        {
                            chip[i] = plan.Coefficient(k, i);
                        }

                        EqDesigner.Dequantize(chip, q);
                        db += ResponseDb(q, f, rate);
                        worstPartial = Math.Max(worstPartial, db);
                    }

                    if (plan.BandCount > 0 && f >= 20 && f <= 20000)
                    {
                        worstError = Math.Max(worstError, Math.Abs(db - plan.ResponseDb(f)));
                    }
                }

                OutputHelper.WriteLine(Name(p) + " at " + rate.ToString() + ": peak " + plan.PeakDb.ToString("F2") + " dB, preamp " + plan.PreampDb.ToString("F2")
                    + " dB, loudest partial cascade " + (plan.BandCount > 0 ? worstPartial.ToString("F3") : "-") + " dB, quantized vs designed (20 Hz–20 kHz) " + worstError.ToString("F4") + " dB");
                Assert.IsTrue(plan.BandCount == 0 || worstPartial <= 0.0, "a partial cascade exceeds full scale: " + worstPartial.ToString("F3"));
                Assert.IsTrue(worstError < 0.3, "quantized cascade off the design by " + worstError.ToString("F4"));
                Assert.IsTrue(plan.PreampDb <= 0 && plan.PreampDb >= -plan.PeakDb - 0.2 - 0.01 || plan.PeakDb <= 0, "preamp no lower than the peak needs (0.1 dB margin, 0.1 dB grid)");
            }
        }

        [TestMethod]
        public static void ABassBoostOf12DbGetsA12DbPreampAndTheCurveIsKept()
        {
            var preset = new EqPreset();
            preset.Add(EqFilterType.LowShelf, 100, 1200, 707);
            var plan = new EqPlan();
            plan.Compute(preset, 48000);
            OutputHelper.WriteLine("peak " + plan.PeakDb.ToString("F3") + " dB, preamp " + plan.PreampDb.ToString("F3") + " dB");
            Assert.IsTrue(plan.PeakDb > 11.9 && plan.PeakDb <= 12.0, "the shelf's plateau");
            Assert.IsTrue(plan.PreampDb <= -plan.PeakDb - 0.09 && plan.PreampDb >= -plan.PeakDb - 0.11, "the preamp is the peak and the 0.1 dB margin");
            Assert.IsTrue(Math.Abs(plan.CurveDb(20) - 12.0) < 0.1 && Math.Abs(plan.CurveDb(10000)) < 0.01, "the curve itself");
        }

        [TestMethod]
        public static void CutsRunFirst()
        {
            var preset = new EqPreset();
            preset.Add(EqFilterType.HighShelf, 6000, 900, 707);
            preset.Add(EqFilterType.Peaking, 1000, -600, 1000);
            preset.Add(EqFilterType.LowShelf, 100, 300, 707);
            var plan = new EqPlan();
            plan.Compute(preset, 48000);
            Assert.AreEqual(1, plan.BandOf(0));
            Assert.AreEqual(2, plan.BandOf(1));
            Assert.AreEqual(0, plan.BandOf(2));
        }

        [TestMethod]
        public static void APresetSerializesIn51BytesAndReadsBack()
        {
            EqPreset[] presets = TestPresets();
            for (int p = 0; p < presets.Length; p++)
            {
                byte[] bytes = presets[p].ToBytes();
                Assert.AreEqual(51, bytes.Length);
                Assert.AreEqual(EqPreset.SerializedSize, bytes.Length);
                var back = new EqPreset();
                Assert.IsTrue(EqPreset.TryRead(bytes, 0, back));
                Assert.IsTrue(back.SameAs(presets[p]), Name(p) + " read back");

                byte[] file = EqPresetFile.ToBytes(presets[p]);
                Assert.AreEqual(59, file.Length);
                var fromFile = new EqPreset();
                Assert.IsTrue(EqPresetFile.TryRead(file, fromFile));
                Assert.IsTrue(fromFile.SameAs(presets[p]));
                file[10] ^= 0x01;
                Assert.IsFalse(EqPresetFile.TryRead(file, fromFile), "a flipped bit is caught by the CRC");
                Assert.AreEqual(0, fromFile.Count, "left flat");
            }

            var seven = presets[4];
            Assert.AreEqual(7, seven.Count);
            Assert.IsFalse(seven.Add(EqFilterType.Peaking, 1000, 100, 1000), "no eighth band");

            byte[] bad = seven.ToBytes();
            bad[2] = 9; // unknown type
            Assert.IsFalse(EqPreset.TryRead(bad, 0, new EqPreset()));
            bad = seven.ToBytes();
            bad[0] = 2; // unknown version
            Assert.IsFalse(EqPreset.TryRead(bad, 0, new EqPreset()));
            var flat = new EqPreset();
            bad = flat.ToBytes();
            bad[1] = 8;
            Assert.IsFalse(EqPreset.TryRead(bad, 0, new EqPreset()), "count over 7");
            Assert.IsFalse(flat.Add(EqFilterType.Peaking, 5, 100, 1000), "under 10 Hz");
            Assert.IsFalse(flat.Add(EqFilterType.Peaking, 1000, 2500, 1000), "over 24 dB");
            Assert.IsFalse(flat.Add(EqFilterType.Peaking, 1000, 100, 50), "Q under 0.1");
        }

        /// <summary>The built-in presets and a 7-band user curve (index 4), for the tests of the EQ.</summary>
        internal static EqPreset[] TestPresets()
        {
            var presets = new EqPreset[EqPresets.Count + 1];
            for (int i = 0; i < EqPresets.Count; i++)
            {
                presets[i] = new EqPreset();
                Assert.IsTrue(EqPresets.Load(i, presets[i]));
            }

            // A headphone correction as AutoEq writes them: seven bands, boosts and cuts.
            var user = new EqPreset();
            user.Add(EqFilterType.LowShelf, 105, 640, 700);
            user.Add(EqFilterType.Peaking, 160, -320, 620);
            user.Add(EqFilterType.Peaking, 1400, 210, 1400);
            user.Add(EqFilterType.Peaking, 3100, -450, 2800);
            user.Add(EqFilterType.Peaking, 5600, 380, 4000);
            user.Add(EqFilterType.Peaking, 8200, -600, 3000);
            user.Add(EqFilterType.HighShelf, 10000, 250, 700);
            presets[EqPresets.Count] = user;
            return presets;
        }

        internal static string Name(int index)
        {
            return index < EqPresets.Count ? EqPresets.Name(index) : "7-band user curve";
        }

        /// <summary>The RBJ cookbook in double precision (normalized b0, b1, b2, a1, a2).</summary>
        internal static double[] Reference(int type, double f0, double gainDb, double q, double fs)
        {
            double a = Math.Pow(10, gainDb / 40);
            double w0 = 2 * Math.PI * f0 / fs;
            double cos = Math.Cos(w0);
            double alpha = Math.Sin(w0) / (2 * q);
            double s = 2 * Math.Sqrt(a) * alpha;
            double[] c;
            switch (type)
            {
                case 1: c = new[] { 1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a }; break;
                case 2: c = new[] { a * ((a + 1) - (a - 1) * cos + s), 2 * a * ((a - 1) - (a + 1) * cos), a * ((a + 1) - (a - 1) * cos - s), (a + 1) + (a - 1) * cos + s, -2 * ((a - 1) + (a + 1) * cos), (a + 1) + (a - 1) * cos - s }; break;
                case 3: c = new[] { a * ((a + 1) + (a - 1) * cos + s), -2 * a * ((a - 1) + (a + 1) * cos), a * ((a + 1) + (a - 1) * cos - s), (a + 1) - (a - 1) * cos + s, 2 * ((a - 1) - (a + 1) * cos), (a + 1) - (a - 1) * cos - s }; break;
                case 4: c = new[] { (1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha }; break;
                default: c = new[] { (1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha }; break;
            }

            return new[] { c[0] / c[3], c[1] / c[3], c[2] / c[3], c[4] / c[3], c[5] / c[3] };
        }

        /// <summary>|H| in dB of a normalized biquad at <paramref name="f"/> (System.Math).</summary>
        internal static double ResponseDb(double[] c, double f, double fs)
        {
            double w = 2 * Math.PI * f / fs;
            double nr = c[0] + c[1] * Math.Cos(w) + c[2] * Math.Cos(2 * w);
            double ni = c[1] * Math.Sin(w) + c[2] * Math.Sin(2 * w);
            double dr = 1 + c[3] * Math.Cos(w) + c[4] * Math.Cos(2 * w);
            double di = c[3] * Math.Sin(w) + c[4] * Math.Sin(2 * w);
            return 10 * Math.Log10((nr * nr + ni * ni) / (dr * dr + di * di));
        }
    }
}
