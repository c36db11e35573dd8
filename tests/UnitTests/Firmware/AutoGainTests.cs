using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Inputs;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// Auto gain on the whole firmware on the emulated boards: speech-like on the left input and
    /// music-like on the right, over a span of source levels; after the run, the recorded peaks of a
    /// whole period of each signal must land within −1.5…+4 dB of −12 dBFS (±1.5 dB for the gain's
    /// steps; the decimated meter scans a 16-frame stretch of each tick's ≈240 and may miss the
    /// loudest crests of speech, which lands its peaks higher, never lower: 3.4 dB at worst here;
    /// see PeakMeter). And the reasons it gives when it cannot.
    /// </summary>
    [TestClass]
    public class AutoGainTests
    {
        [TestMethod]
        [DataRow("reference", -56, -8, 8)]  // WM8960: −17.25…+59 dB; 48 dB of source levels
        [DataRow("audiokit", -36, -6, 5)]   // ES8388: 0…+24 dB PGA in 3 dB steps, ADC-volume trim between them; 30 dB of source levels
        public static void PeaksLandAtTheTargetAcrossSourceLevels(string board, int lowestDb, int highestDb, int stepDb)
        {
            var rig = new InputRig(board);
            var speech = new LoopSource(TestSignals.Speech(), 0);
            var music = new LoopSource(TestSignals.Music(), 0);
            rig.SetInput(0, speech);
            rig.SetInput(1, music);
            string figures = board + " auto gain, source peak → error (speech, music), gain:";
            for (int level = lowestDb; level <= highestDb; level += stepDb)
            {
                speech.Amplitude = Decibels.ToLinear(level);
                music.Amplitude = Decibels.ToLinear(level);
                int mark = rig.BusMark;
                rig.Inputs.StartAutoGain(0, rig.NowMs);
                rig.Inputs.StartAutoGain(1, rig.NowMs);
                int tookMs = rig.RunUntilAutoGainDone(20000);
                Assert.AreEqual((int)AutoGainResult.Success, (int)rig.Inputs.AutoGain(0).Result, "speech at " + level.ToString() + " dB");
                Assert.AreEqual((int)AutoGainResult.Success, (int)rig.Inputs.AutoGain(1).Result, "music at " + level.ToString() + " dB");

                // one whole period of each signal at the new gain
                rig.Run(2000 + AutoGain.SettleMs);
                double speechError = rig.Tap.SamplePeakDb(0, 2 * AudioEngine.SampleRate) + 12;
                double musicError = rig.Tap.SamplePeakDb(1, AudioEngine.SampleRate) + 12;
                figures += "\n  " + level.ToString() + " dB → " + speechError.ToString("F2") + ", " + musicError.ToString("F2") + " dB; gain "
                    + AutoGain.FormatDb(rig.Inputs.Gains.TotalCentiDb(0)) + "/" + AutoGain.FormatDb(rig.Inputs.Gains.TotalCentiDb(1))
                    + " in " + tookMs.ToString() + " ms, " + rig.Inputs.AutoGain(0).Passes.ToString() + "/" + rig.Inputs.AutoGain(1).Passes.ToString()
                    + " passes, " + rig.CodecWritesSince(mark).ToString() + " codec writes";
                Assert.IsTrue(speechError <= 4.0 && speechError >= -1.5, "speech at " + level.ToString() + " dB lands " + speechError.ToString("F2") + " dB off");
                Assert.IsTrue(musicError <= 4.0 && musicError >= -1.5, "music at " + level.ToString() + " dB lands " + musicError.ToString("F2") + " dB off");
            }

            OutputHelper.WriteLine(figures);
        }

        [TestMethod]
        public static void TheGainStaysPutWhileListening()
        {
            var rig = new InputRig("reference");
            rig.SetInput(0, new LoopSource(TestSignals.Speech(), Decibels.ToLinear(-40)));
            int before = rig.Inputs.Gains.GainCentiDb(0);
            int mark = rig.BusMark;
            rig.Inputs.StartAutoGain(0, rig.NowMs);
            rig.Run(AutoGain.DefaultListenMs - 100);
            Assert.IsTrue(rig.Inputs.AutoGain(0).Running);
            Assert.AreEqual(before, rig.Inputs.Gains.GainCentiDb(0));
            Assert.AreEqual(0, rig.CodecWritesSince(mark), "nothing written to the codec while listening");
            rig.RunUntilAutoGainDone(1000);
            Assert.AreEqual((int)AutoGainResult.Success, (int)rig.Inputs.AutoGain(0).Result);
        }

        [TestMethod]
        public static void ClippingWhileListeningLowersTheGainAndListensAgain()
        {
            var rig = new InputRig("reference");
            // +12 dB of default gain: a −4 dB source clips by 8 dB
            rig.SetInput(0, new LoopSource(TestSignals.Music(), Decibels.ToLinear(-4)));
            rig.Inputs.StartAutoGain(0, rig.NowMs);
            rig.Run(200);
            Assert.IsTrue(rig.Inputs.Gains.GainCentiDb(0) < 1200, "the clip lowered the gain at once");
            rig.RunUntilAutoGainDone(20000);
            AutoGain autoGain = rig.Inputs.AutoGain(0);
            Assert.AreEqual((int)AutoGainResult.Success, (int)autoGain.Result);
            Assert.IsTrue(autoGain.Passes >= 2, "listened again after the clip");
            rig.Run(1000 + AutoGain.SettleMs);
            double error = rig.Tap.SamplePeakDb(0, AudioEngine.SampleRate) + 12;
            Assert.IsTrue(error <= 1.5 && error >= -1.5, "lands " + error.ToString("F2") + " dB off");
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("portable")]
        public static void SilenceIsReportedAndTheGainGoesBack(string board)
        {
            var rig = new InputRig(board);
            int before = rig.Inputs.Gains.TotalCentiDb(0);
            rig.Inputs.StartAutoGain(0, rig.NowMs);
            rig.RunUntilAutoGainDone(10000);
            Assert.AreEqual((int)AutoGainResult.Silence, (int)rig.Inputs.AutoGain(0).Result);
            Assert.AreEqual(before, rig.Inputs.Gains.TotalCentiDb(0));
            Assert.IsTrue(rig.Rig.LogText().IndexOf("auto gain failed: silence") >= 0, rig.Rig.LogText());
        }

        [TestMethod]
        [DataRow("reference", -100)] // +59 dB brings it to −41 dBFS: audible, but 29 dB short
        [DataRow("audiokit", -45)]   // +24 dB brings it to −21 dBFS
        public static void AQuietSourceIsTooQuietAtMaximumGain(string board, int sourceDb)
        {
            var rig = new InputRig(board);
            rig.SetInput(0, new LoopSource(TestSignals.Speech(), Decibels.ToLinear(sourceDb)));
            rig.Inputs.StartAutoGain(0, rig.NowMs);
            rig.RunUntilAutoGainDone(10000);
            Assert.AreEqual((int)AutoGainResult.TooQuietAtMaximumGain, (int)rig.Inputs.AutoGain(0).Result);
            Assert.AreEqual(rig.Inputs.Gains.MaxCentiDb, rig.Inputs.Gains.GainCentiDb(0), "left at the highest gain, the nearest to the target");
            Assert.IsTrue(rig.Rig.LogText().IndexOf("too quiet at maximum gain") >= 0);
        }

        [TestMethod]
        [DataRow("reference", 20)] // −17.25 dB still leaves +2.75 dBFS
        [DataRow("audiokit", 3)]   // the ES8388's PGA goes no lower than 0 dB
        public static void ALoudSourceClipsAtMinimumGain(string board, int sourceDb)
        {
            var rig = new InputRig(board);
            rig.SetInput(0, new LoopSource(TestSignals.Music(), Decibels.ToLinear(sourceDb)));
            rig.Inputs.StartAutoGain(0, rig.NowMs);
            rig.RunUntilAutoGainDone(10000);
            Assert.AreEqual((int)AutoGainResult.ClippingAtMinimumGain, (int)rig.Inputs.AutoGain(0).Result);
            Assert.AreEqual(rig.Inputs.Gains.MinCentiDb, rig.Inputs.Gains.GainCentiDb(0));
            Assert.IsTrue(rig.Rig.LogText().IndexOf("clipping at minimum gain") >= 0);
        }
    }
}
