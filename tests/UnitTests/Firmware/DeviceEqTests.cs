using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Model;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The headphone EQ and the limiter through the firmware on the emulated portable board (two
    /// SGTL5000s, one per jack): presets stepped by the buttons, designed for the running rate,
    /// loaded behind the jack's mute; the limiter's cap in volts at the jack; boards without an EQ.
    /// </summary>
    [TestClass]
    public class DeviceEqTests
    {
        private const int MonitorLed = 1;

        [TestMethod]
        public static void APresetStepByTheButtonsLoadsTheSelectedJacksEqWithoutAPop()
        {
            DeviceRig rig = PortableRig(-1200, Settings.LimiterOff, 0);
            double[] music = EqEmulatorTests.SmoothMusic(); // without hard onsets: the pop detector judges the output alone
            rig.Board.Usb.StartPlayback(48000, new SampleSource(music, 48000, true), new SampleSource(music, 48000, true));
            rig.Boot();
            rig.Run(1000); // the detectors have learnt the programme
            long since = rig.NowUs;

            // monitor double-click: the selected (main) jack's next preset, counted on the monitor LED
            DoubleClick(rig, "monitor");
            rig.Run(100);
            Assert.AreEqual(EqPresets.BassBoost, rig.Device.Settings.Jacks[0].EqPreset);
            Assert.AreEqual(LedPatterns.Flashes(2), rig.Device.Leds.PatternOf(MonitorLed, rig.Device.Indications), "two flashes: preset 2");
            rig.RunUntil(5000, true);
            rig.Run(300);

            AssertLoaded(rig, 0, EqPresets.BassBoost, 48000);
            AssertLoaded(rig, 1, EqPresets.Flat, 48000); // the second jack keeps its own
            Assert.AreEqual(1, CodecA(rig).Register(Sgtl5000Model.RegDapPeq) & 0x7, "one biquad on codec A");
            Assert.AreEqual(0, CodecB(rig).Register(Sgtl5000Model.RegDapPeq) & 0x7, "none on codec B");

            // five more steps come back round to flat: warm, speech clarity, graphic, bass/treble
            // (the two user slots are empty: skipped), flat
            for (int i = 0; i < 5; i++)
            {
                rig.Device.Apply(UserAction.CycleEqPreset, rig.Board.Clock.NowMs);
                rig.RunUntil(5000, true);
                rig.Run(200);
            }

            AssertLoaded(rig, 0, EqPresets.Flat, 48000);
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount, "no redundant writes");
        }

        [TestMethod]
        public static void ARateChangeRedesignsEachJacksEqForTheNewRate()
        {
            DeviceRig rig = PortableRig(-1200, Settings.LimiterOff, EqPresets.Warm);
            rig.PlayTone(-20);
            rig.Boot();
            AssertLoaded(rig, 0, EqPresets.Warm, 48000);
            int b0At48 = CodecA(rig).Coefficient(0, 0);

            rig.Board.Usb.SetSampleRate(44100);
            rig.Run(500);
            rig.RunUntil(8000, true);
            Assert.AreEqual(44100, rig.Device.SampleRate);
            AssertLoaded(rig, 0, EqPresets.Warm, 44100);
            AssertLoaded(rig, 1, EqPresets.Warm, 44100);
            Assert.AreNotEqual(b0At48, CodecA(rig).Coefficient(0, 0), "other coefficients at another rate");
        }

        [TestMethod]
        public static void TheLimiterHoldsPeaksAtItsCapInVoltsThroughA12DbBassBoost()
        {
            // A user preset with +12 dB below 100 Hz (as eq import writes it), a full-scale 50 Hz
            // tone, the second jack at -6 dB: without the limiter its peaks reach about -5 dBV.
            var boost = new EqPreset();
            boost.Add(EqFilterType.LowShelf, 100, 1200, 707);
            const int cap = -1500; // 0.18 V rms
            double open = SecondJackPeakDbV(boost, Settings.LimiterOff);
            double limited = SecondJackPeakDbV(boost, cap);
            OutputHelper.WriteLine("50 Hz full scale through +12 dB bass, second jack at -6 dB: peaks " + open.ToString("F2") + " dBV without the limiter, "
                + limited.ToString("F2") + " dBV with a cap of " + (cap / 100.0).ToString("F1") + " dBV (as a sine's rms)");
            Assert.IsTrue(open > cap / 100.0 + 6, "the test drives the jack well over the cap");
            Assert.IsTrue(limited <= cap / 100.0 + 0.5, "peaks within 0.5 dB of the cap (the AVC's attack)");
        }

        [TestMethod]
        public static void BothVolumeKeysTurnTheLimiterOnAtTheLevelNowAndOff()
        {
            DeviceRig rig = PortableRig(-1200, Settings.LimiterOff, 0);
            rig.Boot();
            rig.Board.Button("volume-up").PressAndHold();
            rig.Run(60);
            rig.Board.Button("volume-down").Press(80);
            rig.Run(120);
            rig.Board.Button("volume-up").Release();
            rig.Run(200);
            int level = rig.Device.Settings.Jacks[0].LevelCentiDb;
            Assert.AreEqual(rig.Device.Profile.Jacks[0].FullScaleCentiDbV + level, rig.Device.Settings.Jacks[0].LimiterCentiDbV, "on at the level's full-scale peaks");
            Assert.IsTrue(rig.Device.Eq(0).LimiterThreshold < 0, "at the level now a full-scale DAP output just reaches the cap: nothing to limit yet");
            rig.Device.Apply(UserAction.VolumeUp, rig.Board.Clock.NowMs);
            rig.Run(100);
            Assert.IsTrue(rig.Device.Eq(0).LimiterThreshold > 0, "louder than the cap: the AVC limits");
            rig.Device.Apply(UserAction.ToggleLimiter, rig.Board.Clock.NowMs);
            rig.Run(100);
            Assert.AreEqual(Settings.LimiterOff, rig.Device.Settings.Jacks[0].LimiterCentiDbV);
            Assert.AreEqual(0, CodecA(rig).Register(Sgtl5000Model.RegDapAvcCtrl) & 1, "AVC off");
        }

        [TestMethod]
        public static void AUserPresetFromTheStoreJoinsTheCycleAndABadOneIsSkippedWithAReason()
        {
            var user = new EqPreset();
            user.Add(EqFilterType.Peaking, 3000, -400, 2000);
            var board = new VirtualBoard(BoardDescription.Portable(), 4);
            board.EqPresets.Write(0, new byte[] { 1, 2, 3 }, 0, 3);
            byte[] file = EqPresetFile.ToBytes(user);
            board.EqPresets.Write(1, file, 0, file.Length);
            var settings = new Settings(2);
            settings.BootCapCentiDb = 0;
            settings.Jacks[1].EqPreset = EqLibrary.FirstUser + 1; // the second user slot's
            var rig = new DeviceRig(board, "portable", settings, true);
            Assert.AreEqual(1, rig.Device.EqPresets.UserCount);
            Assert.IsFalse(rig.Device.EqPresets.Available(EqLibrary.FirstUser), "the bad file's slot is skipped");
            Assert.IsTrue(rig.LogText().IndexOf("user preset file 1: not a preset") >= 0, rig.LogText());
            rig.PlayTone(-20);
            rig.Boot();
            Assert.AreEqual(EqLibrary.FirstUser + 1, rig.Device.Eq(1).LoadedPreset);
            Assert.AreEqual(1, CodecB(rig).Register(Sgtl5000Model.RegDapPeq) & 0x7);
            Assert.AreEqual("user 2", rig.Device.EqPresets.Name(EqLibrary.FirstUser + 1));
        }

        [TestMethod]
        public static void OnABoardWithoutAnEqTheActionsSayUnavailableAndChangeNothing()
        {
            var rig = new DeviceRig("reference", null);
            rig.Boot();
            Assert.IsNull(rig.Device.Eq(0));
            rig.Device.Apply(UserAction.CycleEqPreset, rig.Board.Clock.NowMs);
            rig.Device.Apply(UserAction.ToggleLimiter, rig.Board.Clock.NowMs);
            Assert.AreEqual(0, rig.Device.Settings.Jacks[0].EqPreset);
            Assert.AreEqual(Settings.LimiterOff, rig.Device.Settings.Jacks[0].LimiterCentiDbV);
            Assert.IsTrue(rig.LogText().IndexOf("main jack: no EQ (its codec has none)") >= 0, rig.LogText());
            Assert.IsTrue(rig.LogText().IndexOf("main jack: no limiter (its codec has none)") >= 0, rig.LogText());
        }

        [TestMethod]
        public static void TheGraphicAndBassTrebleModesAreDesignedAsSetAndLoaded()
        {
            var settings = new Settings(2);
            settings.BootCapCentiDb = 0;
            settings.Jacks[0].EqPreset = EqLibrary.Graphic;
            settings.Jacks[0].EqGraphic[0] = 6;
            settings.Jacks[0].EqGraphic[3] = -4;
            settings.Jacks[1].EqPreset = EqLibrary.Tone;
            settings.Jacks[1].EqTone[0] = 8;
            settings.Jacks[1].EqTone[1] = -5;
            var rig = new DeviceRig("portable", settings);
            rig.PlayTone(-20);
            rig.Boot();
            AssertLoaded(rig, 0, EqLibrary.Graphic, 48000);
            AssertLoaded(rig, 1, EqLibrary.Tone, 48000);
            Assert.AreEqual(2, CodecA(rig).Register(Sgtl5000Model.RegDapPeq) & 0x7, "two bands set, two biquads");
            Assert.AreEqual(2, CodecB(rig).Register(Sgtl5000Model.RegDapPeq) & 0x7);

            // The curves (as designed, before the preamp) where the bands are: the set gains.
            EqPlan graphic = rig.Device.Eq(0).Plan;
            EqPlan tone = rig.Device.Eq(1).Plan;
            double g115 = graphic.CurveDb(115), g3000 = graphic.CurveDb(3000), g990 = graphic.CurveDb(990);
            double bass = tone.CurveDb(20), treble = tone.CurveDb(20000), middle = tone.CurveDb(1000);
            OutputHelper.WriteLine("graphic +6 dB at 115 Hz, -4 dB at 3 kHz: " + g115.ToString("F2") + " / " + g3000.ToString("F2") + " dB, " + g990.ToString("F2")
                + " dB at 990 Hz; bass +8, treble -5: " + bass.ToString("F2") + " dB at 20 Hz, " + treble.ToString("F2") + " dB at 20 kHz, " + middle.ToString("F2") + " dB at 1 kHz");
            Assert.IsTrue(Math.Abs(g115 - 6) <= 0.3 && Math.Abs(g3000 + 4) <= 0.3, "each band at its gain at its centre");
            Assert.IsTrue(Math.Abs(g990) <= 1.0, "a band at 0 dB stays near 0 dB between its neighbours");
            Assert.IsTrue(Math.Abs(bass - 8) <= 0.3 && Math.Abs(treble + 5) <= 0.3 && Math.Abs(middle) <= 1.0, "shelves at their gains, the middle near 0 dB");
        }

        [TestMethod]
        public static void TheKeysEditAGraphicBandAndTheEditLoadsOnceTheyRestWithoutAPop()
        {
            DeviceRig rig = PortableRig(-1200, Settings.LimiterOff, EqLibrary.Graphic);
            double[] music = EqEmulatorTests.SmoothMusic();
            rig.Board.Usb.StartPlayback(48000, new SampleSource(music, 48000, true), new SampleSource(music, 48000, true));
            rig.Boot();
            rig.Run(1000);
            long since = rig.NowUs;

            // select double press: input 1's gain, input 2's, then the main jack's graphic band 1
            for (int i = 0; i < 3; i++)
            {
                DoubleClick(rig, "select");
                rig.Run(400);
            }

            Assert.AreEqual(0, rig.Device.State.EqFocus);
            Assert.AreEqual(LedPatterns.Flashes(1), rig.Device.Leds.PatternOf(MonitorLed, rig.Device.Indications), "band 1: one flash");
            int loadsBefore = LoadCount(rig);
            for (int i = 0; i < 4; i++)
            {
                rig.Board.Button("volume-up").Press(60);
                rig.Run(100);
            }

            Assert.AreEqual(4, rig.Device.Settings.Jacks[0].EqGraphic[0], "four 1 dB steps");
            Assert.AreEqual(loadsBefore, LoadCount(rig), "nothing loaded while the keys move");
            rig.Run(600);
            Assert.AreEqual(loadsBefore + 1, LoadCount(rig), "one load once they rest");
            AssertLoaded(rig, 0, EqLibrary.Graphic, 48000);
            Assert.IsTrue(Math.Abs(rig.Device.Eq(0).Plan.CurveDb(115) - 4) <= 0.3);

            // once more round: band 2 … band 5, then back on the level
            for (int i = 0; i < 5; i++)
            {
                DoubleClick(rig, "select");
                rig.Run(400);
            }

            Assert.AreEqual(-1, rig.Device.State.EqFocus);
            Assert.AreEqual(-1, rig.Device.State.InputFocus);
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        // How many EQ loads the firmware logged so far.
        private static int LoadCount(DeviceRig rig)
        {
            string log = rig.LogText();
            int count = 0;
            for (int at = log.IndexOf("main jack EQ: "); at >= 0; at = log.IndexOf("main jack EQ: ", at + 1))
            {
                count++;
            }

            return count;
        }

        // ---- helpers -------------------------------------------------------------------------------

        private static DeviceRig PortableRig(int level, int limiter, int preset)
        {
            var settings = new Settings(2);
            settings.BootCapCentiDb = 0;
            settings.Monitor = MonitorMode.Off;
            for (int j = 0; j < 2; j++)
            {
                settings.Jacks[j].Range = HeadphoneRange.Normal;
                settings.Jacks[j].LevelCentiDb = level;
                settings.Jacks[j].LimiterCentiDbV = limiter;
                settings.Jacks[j].EqPreset = preset;
            }

            return new DeviceRig("portable", settings);
        }

        private static double SecondJackPeakDbV(EqPreset preset, int cap)
        {
            var board = new VirtualBoard(BoardDescription.Portable(), 6);
            byte[] file = EqPresetFile.ToBytes(preset);
            board.EqPresets.Write(0, file, 0, file.Length);
            var settings = new Settings(2);
            settings.BootCapCentiDb = 0;
            settings.Monitor = MonitorMode.Off;
            settings.Jacks[1].Range = HeadphoneRange.Normal;
            settings.Jacks[1].LevelCentiDb = -600;
            settings.Jacks[1].EqPreset = EqLibrary.FirstUser;
            settings.Jacks[1].LimiterCentiDbV = cap;
            var rig = new DeviceRig(board, "portable", settings, true);
            rig.Board.Usb.StartPlayback(48000, SineSource.AtDbfs(50, 0), SineSource.AtDbfs(50, 0));
            rig.Boot();
            rig.Run(1000);
            SignalRecorder recorder = rig.Jack(1).Recorder(true);
            long end = rig.Board.Audio.NextSample;
            double peak = 0;
            for (long n = end - 48000; n < end; n++)
            {
                peak = Math.Max(peak, Math.Abs(recorder.At(n)));
            }

            // A full-scale sine at level 0 dB is +0.94 dBV rms at the jack (the profile's FullScaleCentiDbV).
            return Decibels.ToDb(peak) + rig.Device.Profile.Jacks[1].FullScaleCentiDbV / 100.0;
        }

        private static void DoubleClick(DeviceRig rig, string button)
        {
            rig.Board.Button(button).Press(60);
            rig.Run(150);
            rig.Board.Button(button).Press(60);
            rig.Run(100);
        }

        private static Sgtl5000Model CodecA(DeviceRig rig)
        {
            return (Sgtl5000Model)rig.Board.Codecs[0];
        }

        private static Sgtl5000Model CodecB(DeviceRig rig)
        {
            return (Sgtl5000Model)rig.Board.Codecs[1];
        }

        // The jack's codec runs preset's plan for rate, coefficient for coefficient.
        private static void AssertLoaded(DeviceRig rig, int jack, int preset, int rate)
        {
            Assert.AreEqual(preset, rig.Device.Eq(jack).LoadedPreset, "jack " + jack.ToString() + " preset");
            var expected = new EqPlan();
            var p = new EqPreset();
            rig.Device.EqPresets.Load(preset, rig.Device.Settings.Jacks[jack], p);
            expected.Compute(p, rate);
            Sgtl5000Model model = jack == 0 ? CodecA(rig) : CodecB(rig);
            for (int k = 0; k < expected.BandCount; k++)
            {
                for (int i = 0; i < 5; i++)
                {
                    Assert.AreEqual(expected.Coefficient(k, i), model.Coefficient(k, i), "jack " + jack.ToString() + " biquad " + k.ToString() + " coefficient " + i.ToString() + " at " + rate.ToString());
                }
            }
        }
    }
}
