using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Firmware.Planning;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>dB ↔ register-code mapping: linear fields (rising and inverted), tables, mute codes, rounding and clamping.</summary>
    [TestClass]
    public class GainScaleTests
    {
        [TestMethod]
        public static void LinearFieldRoundsToTheNearestStep()
        {
            GainScale scale = GainScale.Linear(0x30, 0x7F, -7300, 100, 0x00); // WM8960 headphone
            Assert.AreEqual(0x79, scale.CodeFor(0));
            Assert.AreEqual(0x79 - 10, scale.CodeFor(-1040));
            Assert.AreEqual(0x79 - 11, scale.CodeFor(-1060));
            Assert.AreEqual(0x79 - 11, scale.CodeFor(-1050), "a tie goes to the lower gain");
            Assert.AreEqual(0x79 + 1, scale.CodeFor(50 + 1));
            Assert.AreEqual(-7300, scale.MinCentiDb);
            Assert.AreEqual(600, scale.MaxCentiDb);
            Assert.AreEqual(100, scale.StepCentiDb);
        }

        [TestMethod]
        public static void ALinearFieldPicksWhatASearchOfEveryCodePicks()
        {
            // Rising and falling fields, steps that do and do not divide the request grid: every
            // request 0.01 dB apart from below the range to above it lands where a search of every
            // code for the nearest gain (ties to the lower gain) lands.
            GainScale[] scales =
            {
                GainScale.Linear(0x30, 0x7F, -7300, 100, 0x00),
                GainScale.Linear(1, 255, -12700, 50, 0),
                GainScale.Linear(0, 7, 0, -300, 8),
                GainScale.Linear(0, 0x21, 0, -150, 0x7F),
                GainScale.Linear(3, 40, -1725, 75, 0),
            };
            int checkedRequests = 0;
            for (int s = 0; s < scales.Length; s++)
            {
                GainScale scale = scales[s];
                int lowest = scale.MinCentiDb;
                int highest = scale.MaxCentiDb;
                for (int request = lowest - 400; request <= highest + 400; request++)
                {
                    int best = -1;
                    int bestDistance = int.MaxValue;
                    for (int code = 0; code <= 0xFF; code++)
                    {
                        if (!InField(scale, code))
                        {
                            continue;
                        }

                        int gain = scale.CentiDbFor(code);
                        int distance = gain > request ? gain - request : request - gain;
                        if (distance < bestDistance || (distance == bestDistance && gain < scale.CentiDbFor(best)))
                        {
                            best = code;
                            bestDistance = distance;
                        }
                    }

                    Assert.AreEqual(best, scale.CodeFor(request), "scale " + s.ToString() + ", request " + request.ToString());
                    checkedRequests++;
                }
            }

            Assert.IsTrue(checkedRequests > 20000);
        }

        // A code of the field (not the mute code, not outside the field's codes).
        private static bool InField(GainScale scale, int code)
        {
            int gain = scale.CentiDbFor(code);
            return gain != GainScale.Muted && gain >= scale.MinCentiDb && gain <= scale.MaxCentiDb && scale.Quantize(gain) == gain
                && scale.CodeFor(gain) == code;
        }

        [TestMethod]
        public static void AtOrBelowAndAtOrAboveInClosedFormAgreeWithTheRoundTripsTheyReplace()
        {
            // The planner's AtOrBelow / AtOrAbove answer a uniform field in closed form; on every
            // such scale the drivers use, and rising and falling fields of odd steps, every request
            // 0.01 dB apart from far below the range to far above it (and a few ceilings) gets what
            // the nearest-then-neighbour round trips gave.
            GainScale[] scales =
            {
                Wm8960Gains.Adc, Wm8960Gains.Dac, Wm8960Gains.Headphone, Wm8960Gains.Bypass,
                Es8388Gains.MicPga, Es8388Gains.Adc, Es8388Gains.Dac, Es8388Gains.Bypass, Es8388Gains.Out1,
                Sgtl5000Gains.Headphone, Sgtl5000Gains.Dac, Sgtl5000Gains.AdcInput, Sgtl5000Gains.LineOut, Sgtl5000Gains.EqBand,
                GainScale.Linear(3, 40, -1234, 37, -1), GainScale.Linear(0, 25, 990, -75, 26), GainScale.Linear(5, 5, 100, 50, -1),
            };
            int checkedRequests = 0;
            for (int i = 0; i < scales.Length; i++)
            {
                GainScale scale = scales[i];
                Assert.IsTrue(scale.Uniform, "scale " + i.ToString() + " is a uniform field");
                int[] ceilings = { scale.MaxCentiDb + 1000, scale.MaxCentiDb, (scale.MinCentiDb + scale.MaxCentiDb) / 2 + 7, scale.MinCentiDb - 1 };
                for (int want = scale.MinCentiDb - 2000; want <= scale.MaxCentiDb + 2000; want++)
                {
                    for (int c = 0; c < ceilings.Length; c++)
                    {
                        Assert.AreEqual(RoundTripAtOrBelow(scale, want, ceilings[c]), JackPlanner.AtOrBelow(scale, want, ceilings[c]), "at or below " + want.ToString() + ", scale " + i.ToString());
                        Assert.AreEqual(RoundTripAtOrAbove(scale, want, ceilings[c]), JackPlanner.AtOrAbove(scale, want, ceilings[c]), "at or above " + want.ToString() + ", scale " + i.ToString());
                        checkedRequests++;
                    }
                }
            }

            Assert.IsTrue(checkedRequests > 100000, "requests: " + checkedRequests.ToString());
            Assert.IsFalse(Wm8960Gains.Input.Uniform, "a table is not");
            Assert.IsFalse(GainScale.Linear(0, 10, 0, 100, 4).Uniform, "nor a field with a mute code inside");
        }

        // What the planner computed before the closed form: the nearest gain, then the one a step
        // beyond it when the nearest lies on the wrong side.
        private static int RoundTripAtOrBelow(GainScale scale, int want, int ceiling)
        {
            want = want > ceiling ? ceiling : want;
            int q = scale.Quantize(want);
            if (q > want)
            {
                int down = scale.Quantize(want - scale.StepCentiDb);
                q = down < q ? down : q;
            }

            return q;
        }

        private static int RoundTripAtOrAbove(GainScale scale, int want, int ceiling)
        {
            int q = scale.Quantize(want);
            if (q < want)
            {
                int up = scale.Quantize(want + scale.StepCentiDb);
                q = up > q ? up : q;
            }

            return q > ceiling ? RoundTripAtOrBelow(scale, ceiling, ceiling) : q;
        }

        [TestMethod]
        public static void LinearFieldClampsAtBothEnds()
        {
            GainScale scale = GainScale.Linear(1, 255, -12700, 50, 0); // WM8960 DAC
            Assert.AreEqual(255, scale.CodeFor(1200));
            Assert.AreEqual(1, scale.CodeFor(-20000));
            Assert.AreEqual(1, scale.CodeFor(-2000000000), "no overflow on absurd requests");
            Assert.AreEqual(255, scale.CodeFor(2000000000));
        }

        [TestMethod]
        public static void InvertedFieldCountsDownInGain()
        {
            GainScale scale = GainScale.Linear(0, 7, 0, -300, 8); // WM8960 bypass, 8 = off
            Assert.AreEqual(0, scale.CodeFor(0));
            Assert.AreEqual(3, scale.CodeFor(-900));
            Assert.AreEqual(3, scale.CodeFor(-1000));
            Assert.AreEqual(4, scale.CodeFor(-1050), "tie: the lower gain (−12 dB)");
            Assert.AreEqual(7, scale.CodeFor(-5000));
            Assert.AreEqual(0, scale.CodeFor(600));
            Assert.AreEqual(-2100, scale.MinCentiDb);
            Assert.AreEqual(0, scale.MaxCentiDb);
            Assert.AreEqual(-900, scale.CentiDbFor(3));
        }

        [TestMethod]
        public static void MuteHasItsOwnCode()
        {
            GainScale scale = GainScale.Linear(1, 255, -9700, 50, 0);
            Assert.AreEqual(0, scale.CodeFor(GainScale.Muted));
            Assert.AreEqual(GainScale.Muted, scale.CentiDbFor(0));
            Assert.AreEqual(GainScale.Muted, scale.Quantize(GainScale.Muted));

            GainScale noMute = GainScale.Linear(0, 8, 0, 300, -1); // ES8388-like mic PGA
            Assert.AreEqual(0, noMute.CodeFor(GainScale.Muted), "no mute code: the lowest gain");
        }

        [TestMethod]
        public static void AMuteCodeInsideTheRangeIsNeverAGain()
        {
            GainScale scale = GainScale.Linear(0, 10, 0, 100, 5);
            Assert.AreEqual(4, scale.CodeFor(500), "either neighbour is 1 dB away: the lower gain");
            Assert.AreEqual(0, scale.CodeFor(-100));

            GainScale inverted = GainScale.Linear(0, 10, 0, -100, 5);
            Assert.AreEqual(6, inverted.CodeFor(-500), "inverted: the lower gain is the higher code");
        }

        [TestMethod]
        public static void TableFindsTheNearestEntry()
        {
            GainScale scale = GainScale.Table(new int[] { -5950, -5350, -5000, -4750, 0, 400 }, -1);
            Assert.AreEqual(0, scale.CodeFor(-7000));
            Assert.AreEqual(1, scale.CodeFor(-5400));
            Assert.AreEqual(1, scale.CodeFor(-5175), "a tie goes to the lower gain");
            Assert.AreEqual(2, scale.CodeFor(-5100));
            Assert.AreEqual(4, scale.CodeFor(100));
            Assert.AreEqual(5, scale.CodeFor(300));
            Assert.AreEqual(5, scale.CodeFor(10000));
            Assert.AreEqual(-5950, scale.MinCentiDb);
            Assert.AreEqual(400, scale.MaxCentiDb);
            Assert.AreEqual(0, scale.StepCentiDb, "steps vary in a table");
        }

        [TestMethod]
        public static void Wm8960InputTableAscendsWithoutGaps()
        {
            GainScale input = Wm8960Gains.Input;
            int previous = int.MinValue;
            for (int code = input.MinCode; code <= input.MaxCode; code++)
            {
                int gain = input.CentiDbFor(code);
                Assert.IsTrue(gain > previous, "ascending at " + code.ToString());
                Assert.IsTrue(previous == int.MinValue || gain - previous <= 75, "no step wider than the PGA's 0.75 dB");
                previous = gain;
            }

            Assert.AreEqual(-1725, input.MinCentiDb);
            Assert.AreEqual(5900, input.MaxCentiDb);
            Assert.AreEqual(GainScale.Muted, input.CentiDbFor(Wm8960Gains.InputMuteCode));
        }
    }
}
