using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Wm8960;
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
