using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Planning;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// Volume on the rendered output: every 0.5 dB step from a range's maximum to its bottom lands
    /// on its nominal level, left and right together; sweeps by a held key make no pop; the boot
    /// cap and the user's maximum hold.
    /// </summary>
    [TestClass]
    public class VolumeTests
    {
        private const double ToneDbfs = -6;

        [TestMethod]
        [DataRow("reference", 0, 0)]
        [DataRow("reference", 0, 1)]
        [DataRow("reference", 0, 2)]
        [DataRow("reference", 1, 0)]
        [DataRow("reference", 1, 1)]
        [DataRow("reference", 1, 2)]
        [DataRow("audiokit", 0, 0)]
        [DataRow("audiokit", 0, 1)]
        [DataRow("audiokit", 0, 2)]
        [DataRow("lyrat", 0, 1)]
        [DataRow("portable", 0, 0)]
        [DataRow("portable", 0, 2)]
        [DataRow("portable", 1, 1)]
        public static void EveryStepOfAFullSweepLandsOnItsLevel(string board, int jack, int range)
        {
            DeviceRig rig = StartAtMaximum(board, jack, (HeadphoneRange)range);
            JackPlanner planner = rig.Device.Planner(jack);
            int steps = 0;
            double worst = 0;
            double worstBalance = 0;
            int worstAt = 0;
            while (true)
            {
                int level = rig.Device.Settings.Jacks[jack].LevelCentiDb;
                rig.Run(50);
                double left = rig.ToneDb(jack, true, 20);
                double right = rig.ToneDb(jack, false, 20);
                double error = left - (level / 100.0 + ToneDbfs);
                double balance = left - right;
                if (System.Math.Abs(error) > 0.1)
                {
                    OutputHelper.WriteLine("at " + level.ToString() + ": " + left.ToString("F2") + " dac " + rig.Device.Output(jack).Applied.DacCentiDb.ToString() + " hp " + rig.Device.Output(jack).Applied.HeadphoneCentiDb.ToString() + " target dac " + rig.Device.Targets(jack).DacCentiDb.ToString() + " muted " + rig.Device.Codec(0).Muted.ToString() + " t " + rig.Board.Clock.NowMs.ToString());
                }

                if (System.Math.Abs(error) > System.Math.Abs(worst))
                {
                    worst = error;
                    worstAt = level;
                }

                if (System.Math.Abs(balance) > System.Math.Abs(worstBalance))
                {
                    worstBalance = balance;
                }

                if (rig.Device.State.Jacks[jack].AtFloor)
                {
                    break;
                }

                rig.Device.Apply(UserAction.VolumeDown, rig.Board.Clock.NowMs);
                if (rig.Device.State.Jacks[jack].AtFloor)
                {
                    break;
                }

                steps++;
            }

            OutputHelper.WriteLine(board + " jack " + jack.ToString() + " range " + range.ToString() + ": " + steps.ToString() + " steps from "
                + (planner.MaxLevel((HeadphoneRange)range) / 100.0).ToString("F1") + " to " + (planner.MinLevel((HeadphoneRange)range) / 100.0).ToString("F1")
                + " dB, worst error " + worst.ToString("F3") + " dB at " + (worstAt / 100.0).ToString("F1") + ", worst L/R " + worstBalance.ToString("F3") + " dB");
            Assert.IsTrue(planner.MinLevel((HeadphoneRange)range) <= JackPlanner.FloorCentiDb, "the range reaches −80 dB");
            Assert.IsTrue(System.Math.Abs(worst) <= 0.1, "step error " + worst.ToString("F3") + " dB at " + (worstAt / 100.0).ToString("F1") + " dB");
            Assert.IsTrue(System.Math.Abs(worstBalance) <= 0.1, "L/R " + worstBalance.ToString("F3") + " dB");
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("lyrat")]
        [DataRow("portable")]
        public static void AHeldKeySweepsDownAndUpWithoutAPop(string board)
        {
            DeviceRig rig = StartAtMaximum(board, 0, HeadphoneRange.Normal);
            long since = rig.NowUs;
            int top = rig.Device.Settings.Jacks[0].LevelCentiDb;
            Button down = rig.Board.Button(rig.Profile.Buttons[rig.Profile.ButtonIndex(DownKey(board))].Name);
            Button up = rig.Board.Button(rig.Profile.Buttons[rig.Profile.ButtonIndex(UpKey(board))].Name);

            long start = rig.Board.Clock.NowMs;
            down.PressAndHold();
            while (!rig.Device.State.Jacks[0].AtFloor)
            {
                rig.Run(10);
                Assert.IsTrue(rig.Board.Clock.NowMs - start < 30000, "the sweep down takes too long");
            }

            long downMs = rig.Board.Clock.NowMs - start;
            down.Release();
            rig.Run(300);
            start = rig.Board.Clock.NowMs;
            up.PressAndHold();
            while (rig.Device.Settings.Jacks[0].LevelCentiDb < top)
            {
                rig.Run(10);
                Assert.IsTrue(rig.Board.Clock.NowMs - start < 30000, "the sweep up takes too long");
            }

            long upMs = rig.Board.Clock.NowMs - start;
            up.Release();
            rig.Run(300);
            double span = (top - rig.Device.Planner(0).MinLevel(HeadphoneRange.Normal)) / 100.0;
            OutputHelper.WriteLine(board + ": " + span.ToString("F1") + " dB down in " + downMs.ToString() + " ms, up in " + upMs.ToString() + " ms ("
                + (span * 1000 / upMs).ToString("F1") + " dB/s on average)");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(top, rig.Device.Settings.Jacks[0].LevelCentiDb);
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("lyrat")]
        [DataRow("portable")]
        public static void ASavedLevelAboveTheBootCapComesUpAtTheCap(string board)
        {
            var settings = new Settings(BoardProfilesJacks(board));
            settings.Jacks[0].LevelCentiDb = -300;
            var rig = new DeviceRig(board, settings);
            rig.PlayTone(ToneDbfs);
            long since = rig.NowUs;
            rig.Boot();
            rig.Run(200);
            int level = rig.Device.Settings.Jacks[0].LevelCentiDb;
            double heard = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine(board + ": saved −3.0 dB, came up at " + (level / 100.0).ToString("F1") + " dB, heard " + heard.ToString("F2") + " dBFS");
            Assert.IsTrue(level <= Settings.DefaultBootCapCentiDb, "level above the cap");
            Assert.IsTrue(heard <= Settings.DefaultBootCapCentiDb / 100.0 + ToneDbfs + 0.1, "heard above the cap");
            Assert.IsTrue(heard >= Settings.DefaultBootCapCentiDb / 100.0 + ToneDbfs - 0.6, "not at the cap");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        public static void NoActionGoesAboveTheUserMaximum()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(ToneDbfs);
            rig.Boot();
            long now = rig.Board.Clock.NowMs;
            rig.Device.Apply(UserAction.VolumeDown, now);
            rig.Device.Apply(UserAction.VolumeDown, now);
            rig.Device.Apply(UserAction.SetMaximumLevel, now);
            int max = rig.Device.Settings.Jacks[0].LevelCentiDb;
            for (int i = 0; i < 20; i++)
            {
                rig.Device.Apply(UserAction.VolumeUp, now);
            }

            rig.Device.Apply(UserAction.CycleGainRange, now); // normal → high
            rig.Device.Apply(UserAction.VolumeUp, now);
            rig.RunUntil(3000, true);
            rig.Run(100);
            Assert.IsTrue(rig.Device.Settings.Jacks[0].LevelCentiDb <= max, "level above the user's maximum");
            double heard = rig.ToneDb(0, true, 50);
            Assert.IsTrue(heard <= max / 100.0 + ToneDbfs + 0.1, "heard " + heard.ToString("F2"));
        }

        [TestMethod]
        public static void AGainRangeChangeIsNeverLouder()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(ToneDbfs);
            rig.Boot();
            rig.Run(100);
            for (int i = 0; i < 3; i++)
            {
                double before = rig.ToneDb(0, true, 50);
                long since = rig.NowUs;
                rig.Device.Apply(UserAction.CycleGainRange, rig.Board.Clock.NowMs);
                rig.RunUntil(3000, true);
                rig.Run(100);
                double after = rig.ToneDb(0, true, 50);
                OutputHelper.WriteLine(rig.Device.Settings.Jacks[0].Range.ToString() + ": " + before.ToString("F2") + " → " + after.ToString("F2") + " dBFS");
                Assert.IsTrue(after <= before + 0.1, "louder after a range change");
                Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            }
        }

        internal static DeviceRig StartAtMaximum(string board, int jack, HeadphoneRange range)
        {
            var settings = new Settings(BoardProfilesJacks(board));
            settings.BootCapCentiDb = 2000;
            settings.Jacks[jack].Range = range;
            settings.Jacks[jack].LevelCentiDb = 2000;
            var rig = new DeviceRig(board, settings);
            rig.PlayTone(ToneDbfs);
            rig.Boot();
            for (int i = 0; i < jack; i++)
            {
                rig.Device.Apply(UserAction.SelectNextJack, rig.Board.Clock.NowMs);
            }

            return rig;
        }

        internal static int BoardProfilesJacks(string board)
        {
            return InterfaceFirmware.Firmware.Boards.BoardProfiles.ByName(board).Jacks.Length;
        }

        internal static string DownKey(string board)
        {
            return board == "reference" ? "volume-down" : (board == "audiokit" ? "key5" : "volume-down");
        }

        internal static string UpKey(string board)
        {
            return board == "reference" ? "volume-up" : (board == "audiokit" ? "key6" : "volume-up");
        }
    }
}
