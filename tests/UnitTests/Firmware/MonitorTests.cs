using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>Direct monitoring through the firmware: the monitor adds to playback of the same signal.</summary>
    [TestClass]
    public class MonitorTests
    {
        [TestMethod]
        public static void TheMonitorAndPlaybackOfTheSameToneAdd()
        {
            double playback = Heard(true, false);
            double monitor = Heard(false, true);
            double both = Heard(true, true);
            double sum = Decibels.ToDb(System.Math.Pow(10, playback / 20) + System.Math.Pow(10, monitor / 20));
            OutputHelper.WriteLine("playback " + playback.ToString("F2") + " dBFS, monitor " + monitor.ToString("F2") + ", both " + both.ToString("F2") + " (in-phase sum " + sum.ToString("F2") + ")");
            Assert.IsTrue(playback > -60 && monitor > -60, "both paths heard on their own");
            Assert.IsTrue(both > playback + 1 && both > monitor + 1, "the two add");
            Assert.IsTrue(System.Math.Abs(both - sum) <= 0.2, "not summed in phase");
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("portable")]
        public static void MonitorModeChangesOnLiveSignalsMakeNoPop(string board)
        {
            var rig = new DeviceRig(board, null);
            rig.PlayTone(-10);
            rig.Board.SetInput(rig.Board.Description.Inputs[0].Name, SineSource.AtDbfs(1000, -10));
            rig.Board.SetInput(rig.Board.Description.Inputs[1].Name, SineSource.AtDbfs(1000, -10));
            rig.Boot();
            rig.Run(300);
            long since = rig.NowUs;
            CycleMonitorModes(rig);
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("portable")]
        public static void BothJacksFadingInTogetherOnALoudProgrammeClickOnNeither(string board)
        {
            // A monitor change closes both jacks and both fade in again at once, each a fade step
            // every tick: a step that waited its turn and was made up by a step twice as large
            // clicked on a loud programme (tried, on both boards).
            DeviceRig rig = LoudRig(board, 1000, true);
            long since = rig.NowUs;
            CycleMonitorModes(rig);
            int clicks = 0;
            for (int i = 0; i < rig.Board.PopEvents.Count; i++)
            {
                var e = (PopEvent)rig.Board.PopEvents[i];
                clicks += e.Kind == PopKind.Click && e.TimeUs >= since ? 1 : 0;
            }

            Assert.AreEqual(0, clicks, rig.DescribePops());
        }

        [TestMethod]
        [DataRow(1000)]
        [DataRow(1100)]
        public static void MonitorChangesOnALoudMonitoredInputThumpOnNeitherJack(int hz)
        {
            // Each change mutes both WM8960 jacks through the driver's headphone ramp with the
            // input still monitored: 3 dB zero-cross steps at the open level left −35…−40 dBFS thumps
            // on a −1 dBFS input at −6 dB (Wm8960Profile.HeadphoneFineSpan).
            DeviceRig rig = LoudRig("reference", hz, false);
            long since = rig.NowUs;
            CycleMonitorModes(rig);
            Assert.AreEqual(0, rig.Pops(0, since) + rig.Pops(1, since), rig.DescribePops());
        }

        // Both jacks at −6 dB (the boot cap out of the way), a −1 dBFS sine of hz into input 1
        // (and playback of a −1 dBFS tone), booted and 300 ms into the programme.
        private static DeviceRig LoudRig(string board, int hz, bool playback)
        {
            var settings = new InterfaceFirmware.Firmware.Model.Settings(VolumeTests.BoardProfilesJacks(board));
            settings.BootCapCentiDb = 2000;
            settings.Jacks[0].LevelCentiDb = -600;
            settings.Jacks[1].LevelCentiDb = -600;
            var rig = new DeviceRig(board, settings);
            if (playback)
            {
                rig.PlayTone(-1);
            }

            rig.Board.SetInput(rig.Board.Description.Inputs[0].Name, SineSource.AtDbfs(hz, -1));
            rig.Boot();
            rig.Run(300);
            return rig;
        }

        // Every monitor mode in turn and back (each change closes the jacks, switches the paths
        // and fades them in again), settled and 300 ms of programme after each.
        private static void CycleMonitorModes(DeviceRig rig)
        {
            for (int i = 0; i < 4; i++)
            {
                rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.CycleMonitorMode, rig.Board.Clock.NowMs);
                rig.RunUntil(5000, true);
                rig.Run(300);
                OutputHelper.WriteLine("monitor " + rig.Device.Settings.Monitor.ToString() + ": " + rig.ToneDb(0, true, 50).ToString("F2") + " / " + rig.ToneDb(0, false, 50).ToString("F2") + " dBFS");
            }
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("portable")]
        public static void AFullBlendSweepMakesNoPop(string board)
        {
            var rig = new DeviceRig(board, null);
            rig.PlayTone(-10);
            rig.Board.SetInput(rig.Board.Description.Inputs[0].Name, SineSource.AtDbfs(1000, -10));
            rig.Board.SetInput(rig.Board.Description.Inputs[1].Name, SineSource.AtDbfs(1000, -10));
            rig.Boot();
            rig.Run(300);
            long since = rig.NowUs;
            for (int i = 0; i < 3 * InterfaceFirmware.Firmware.Model.Settings.BlendPositions; i++)
            {
                var action = i < 32 || i >= 160 ? InterfaceFirmware.Firmware.Controls.UserAction.BlendTowardPlayback : InterfaceFirmware.Firmware.Controls.UserAction.BlendTowardInputs;
                rig.Device.Apply(action, rig.Board.Clock.NowMs);
                rig.Run(40);
            }

            rig.Run(500);
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        public static void MonoMonitoringPutsEachInputInBothEarsEquallyLoud(string board)
        {
            var settings = new InterfaceFirmware.Firmware.Model.Settings(VolumeTests.BoardProfilesJacks(board));
            settings.BootCapCentiDb = 0;
            settings.Jacks[0].LevelCentiDb = board == "audiokit" ? -1200 : -3000; // where the ES8388's monitor (−15…+6 dB at OUT1 0 dB) can follow
            var rig = new DeviceRig(board, settings);
            rig.Board.SetInput(rig.Board.Description.Inputs[0].Name, SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.Run(300);
            double stereoLeft = rig.ToneDb(0, true, 50);
            double stereoRight = rig.ToneDb(0, false, 50);
            rig.Device.Settings.Monitor = InterfaceFirmware.Firmware.Model.MonitorMode.Mono;
            rig.RunUntil(5000, true);
            rig.Run(300);
            double monoLeft = rig.ToneDb(0, true, 50);
            double monoRight = rig.ToneDb(0, false, 50);
            OutputHelper.WriteLine(board + ": input 1 in stereo " + stereoLeft.ToString("F2") + " / " + stereoRight.ToString("F2") + " dBFS, in mono "
                + monoLeft.ToString("F2") + " / " + monoRight.ToString("F2") + " dBFS");
            Assert.AreEqual((int)InterfaceFirmware.Firmware.Model.MonitorMode.Mono, (int)rig.Device.Targets(0).MonitorMode);
            Assert.IsTrue(stereoRight < stereoLeft - 60, "stereo: input 1 in the left ear only");
            Assert.IsTrue(System.Math.Abs(monoLeft - monoRight) <= 0.5, "mono: equally loud in both ears");
            Assert.IsTrue(System.Math.Abs(monoLeft - (stereoLeft - 3)) <= 1.6, "mono: each ear 3 dB down (pan law), within a 3 dB step");
        }

        [TestMethod]
        public static void APannedInputIsHeardWhereThePanLawPutsItWithoutAPop()
        {
            // Input 1 alone, walked from hard left to hard right with the buttons (select twice puts
            // the keys on input 1; monitor + volume moves its pan), at a level where the ES8388's
            // cross paths (−15…+6 dB) can follow the law.
            var settings = new InterfaceFirmware.Firmware.Model.Settings(VolumeTests.BoardProfilesJacks("audiokit"));
            settings.BootCapCentiDb = 0;
            settings.Jacks[0].Range = InterfaceFirmware.Firmware.Model.HeadphoneRange.High;
            settings.Jacks[0].LevelCentiDb = 0;
            settings.Blend = 0; // inputs only: the monitor alone at the jack's level
            var rig = new DeviceRig("audiokit", settings);
            rig.Board.SetInput(rig.Board.Description.Inputs[0].Name, SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.RunUntil(5000, true);
            rig.Run(200);
            double hardLeft = rig.ToneDb(0, true, 50);
            Assert.IsTrue(rig.ToneDb(0, false, 50) < hardLeft - 60, "stereo by default: input 1 in the left ear only");
            rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.ToggleInputGainFocus, rig.Board.Clock.NowMs);
            long since = rig.NowUs;
            int steps = InterfaceFirmware.Firmware.Model.Settings.PanSteps;
            double worst = 0;
            for (int pan = -steps + 1; pan <= steps; pan++)
            {
                rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.BlendTowardPlayback, rig.Board.Clock.NowMs);
                Assert.AreEqual(pan, rig.Device.Settings.Pan[0]);
                rig.RunUntil(5000, true);
                rig.Run(200);
                double left = rig.ToneDb(0, true, 50);
                double right = rig.ToneDb(0, false, 50);
                int lawLeft = InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(pan, true);
                int lawRight = InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(pan, false);
                OutputHelper.WriteLine("pan " + pan.ToString() + ": " + left.ToString("F2") + " / " + right.ToString("F2") + " dBFS (law "
                    + LawText(lawLeft) + " / " + LawText(lawRight) + " dB re hard left " + hardLeft.ToString("F2") + ")");
                worst = CheckEar(left, hardLeft, lawLeft, worst);
                worst = CheckEar(right, hardLeft, lawRight, worst);
                Assert.IsTrue(left <= hardLeft + 0.1 && right <= hardLeft + 0.1, "never louder than the level");
            }

            OutputHelper.WriteLine("worst error against the law: " + worst.ToString("F2") + " dB");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        public static void MonoAtTheBottomOfARangeWithHighInputGainStaysWithinTheLevel()
        {
            // Mono on the reference board raises the headphone volume for the cross paths ahead of
            // the input gain; at −80 dB that raise must stop where the paths' lowest step still
            // keeps the monitor within the level (the soak found it 13 dB above).
            var settings = new InterfaceFirmware.Firmware.Model.Settings(2);
            settings.BootCapCentiDb = 0;
            settings.Monitor = InterfaceFirmware.Firmware.Model.MonitorMode.Mono;
            settings.InputGainCentiDb[0] = 3000;
            settings.InputGainCentiDb[1] = 3000;
            for (int j = 0; j < 2; j++)
            {
                settings.Jacks[j].LevelCentiDb = -8000;
            }

            var rig = new DeviceRig("reference", settings);
            rig.Boot();
            rig.RunUntil(5000, true);
            for (int j = 0; j < 2; j++)
            {
                var targets = rig.Device.Targets(j);
                OutputHelper.WriteLine("jack " + j.ToString() + ": level " + targets.LevelCentiDb.ToString() + ", headphone " + targets.HeadphoneCentiDb.ToString()
                    + ", monitor " + targets.MonitorLevelCentiDb.ToString() + " (" + targets.Reason + ")");
                Assert.IsTrue(targets.MonitorLevelCentiDb <= targets.LevelCentiDb, "the monitor above the level: " + targets.MonitorLevelCentiDb.ToString());
            }
        }

        [TestMethod]
        public static void ThePanLawIsSymmetricNeverAboveTheLevelAndWithin1DbOfEqualPower()
        {
            int steps = InterfaceFirmware.Firmware.Model.Settings.PanSteps;
            int muted = InterfaceFirmware.Drivers.GainScale.Muted;
            Assert.AreEqual(-300, InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(0, true), "centre: −3 dB each ear");
            Assert.AreEqual(-300, InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(0, false));
            Assert.AreEqual(0, InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(-steps, true), "hard left: the left ear at the level");
            Assert.AreEqual(muted, InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(-steps, false), "hard left: the right path off");
            int previousFar = 1;
            for (int k = 0; k <= steps; k++)
            {
                int left = InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(-k, true);
                int right = InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(-k, false);
                Assert.AreEqual(left, InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(k, false), "mirror image");
                Assert.AreEqual(right, InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(k, true), "mirror image");
                Assert.IsTrue(left <= 0 && right <= 0, "never above the level");
                Assert.IsTrue(right < previousFar, "the far ear falls with every position");
                previousFar = right;
                double power = System.Math.Pow(10, left / 1000.0) + (right == muted ? 0 : System.Math.Pow(10, right / 1000.0));
                Assert.IsTrue(System.Math.Abs(10 * System.Math.Log10(power)) <= 1.0, "power at " + k.ToString() + ": " + (10 * System.Math.Log10(power)).ToString("F2") + " dB");
            }

            Assert.AreEqual(0, InterfaceFirmware.Firmware.Planning.JackPlanner.PanOffset(-steps - 7, true), "out of range clamps to the end");
        }

        [TestMethod]
        public static void BoardsWithoutACrossFeedAfterTheGainKeepStereoStraight()
        {
            var rig = new DeviceRig("reference", null);
            rig.Boot();
            rig.Run(300);
            rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.ToggleInputGainFocus, rig.Board.Clock.NowMs);
            rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.BlendTowardPlayback, rig.Board.Clock.NowMs);
            Assert.AreEqual(-InterfaceFirmware.Firmware.Model.Settings.PanSteps, rig.Device.Settings.Pan[0], "pan moved on a board that cannot pan");
            Assert.Contains("no pan on this board", rig.LogText());
        }

        private static string LawText(int centiDb)
        {
            return centiDb == InterfaceFirmware.Drivers.GainScale.Muted ? "off" : (centiDb / 100).ToString();
        }

        private static double CheckEar(double heard, double reference, int lawCentiDb, double worst)
        {
            if (lawCentiDb == InterfaceFirmware.Drivers.GainScale.Muted)
            {
                Assert.IsTrue(heard < reference - 60, "the far ear is off at the end: " + heard.ToString("F2"));
                return worst;
            }

            double error = heard - (reference + lawCentiDb / 100.0);
            Assert.IsTrue(System.Math.Abs(error) <= 1.6, "off the pan law by " + error.ToString("F2") + " dB (a 3 dB step at most half off)");
            return System.Math.Abs(error) > System.Math.Abs(worst) ? error : worst;
        }

        [TestMethod]
        public static void ThePortableBoardBlendsInEachCodecsDigitalMixerInStereo()
        {
            // Both jacks, each its own SGTL5000: playback alone and the monitor alone (line in,
            // left side only) at the centre of the blend, 10 positions towards the inputs and 10
            // towards playback. The side that the blend moves away from drops 1 dB a position; the
            // other stays at the level; the right ear never hears the left input.
            int centre = InterfaceFirmware.Firmware.Model.Settings.BlendPositions / 2;
            int[] blends = { centre, centre - 10, centre + 10 };
            var playback = new double[blends.Length][];
            var monitor = new double[blends.Length][];
            for (int b = 0; b < blends.Length; b++)
            {
                playback[b] = HeardOnPortable(blends[b], true);
                monitor[b] = HeardOnPortable(blends[b], false);
                OutputHelper.WriteLine("blend " + blends[b].ToString() + ": playback " + playback[b][0].ToString("F2") + " / " + playback[b][2].ToString("F2")
                    + " dBFS (main / second), monitor " + monitor[b][0].ToString("F2") + " / " + monitor[b][2].ToString("F2")
                    + ", monitor's right ear " + monitor[b][1].ToString("F2") + " / " + monitor[b][3].ToString("F2"));
            }

            for (int ear = 0; ear < 4; ear += 2)
            {
                Assert.IsTrue(playback[0][ear] > -40 && monitor[0][ear] > -40, "playback and the monitor both heard at the centre");
                Assert.IsTrue(System.Math.Abs(playback[1][ear] - (playback[0][ear] - 10)) <= 0.1, "towards the inputs: playback 10 dB down");
                Assert.IsTrue(System.Math.Abs(monitor[1][ear] - monitor[0][ear]) <= 0.1, "towards the inputs: the monitor stays");
                Assert.IsTrue(System.Math.Abs(monitor[2][ear] - (monitor[0][ear] - 10)) <= 0.1, "towards playback: the monitor 10 dB down");
                Assert.IsTrue(System.Math.Abs(playback[2][ear] - playback[0][ear]) <= 0.1, "towards playback: playback stays");
                Assert.IsTrue(System.Math.Abs(playback[0][ear] - playback[0][ear + 1]) <= 0.01, "playback's sides track");
                for (int b = 0; b < blends.Length; b++)
                {
                    Assert.IsTrue(monitor[b][ear + 1] < monitor[b][ear] - 60, "stereo: the left input stays in the left ear");
                }
            }
        }

        // Both jacks' ears (main L, main R, second L, second R) on the portable board at -12 dB,
        // the stereo monitor on at the blend given: playback's tone alone, or the left input's.
        private static double[] HeardOnPortable(int blend, bool playback)
        {
            var settings = new InterfaceFirmware.Firmware.Model.Settings(VolumeTests.BoardProfilesJacks("portable"));
            settings.BootCapCentiDb = 0;
            settings.Monitor = InterfaceFirmware.Firmware.Model.MonitorMode.Stereo;
            settings.Blend = blend;
            for (int j = 0; j < settings.Jacks.Length; j++)
            {
                settings.Jacks[j].Range = InterfaceFirmware.Firmware.Model.HeadphoneRange.Normal;
                settings.Jacks[j].LevelCentiDb = -1200;
            }

            var rig = new DeviceRig("portable", settings);
            if (playback)
            {
                rig.PlayTone(-20);
            }
            else
            {
                rig.Board.SetInput("line-left", SineSource.AtDbfs(1000, -20));
            }

            rig.Boot();
            rig.Run(200);
            return new double[] { rig.ToneDb(0, true, 50), rig.ToneDb(0, false, 50), rig.ToneDb(1, true, 50), rig.ToneDb(1, false, 50) };
        }

        private static double Heard(bool playback, bool monitor)
        {
            var rig = new DeviceRig("reference", null);
            if (playback)
            {
                rig.PlayTone(-20);
            }

            if (monitor)
            {
                rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
                rig.Board.SetInput("input-2", SineSource.AtDbfs(1000, -20));
            }

            rig.Boot();
            rig.Run(200);
            return rig.ToneDb(0, true, 50);
        }
    }
}
