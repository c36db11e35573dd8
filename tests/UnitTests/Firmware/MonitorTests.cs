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
            Assert.IsTrue(System.Math.Abs(both - sum) <= 0.2, "not summed in phase");
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        public static void MonitorModeChangesOnLiveSignalsMakeNoPop(string board)
        {
            var rig = new DeviceRig(board, null);
            rig.PlayTone(-10);
            rig.Board.SetInput(rig.Board.Description.Inputs[0].Name, SineSource.AtDbfs(1000, -10));
            rig.Board.SetInput(rig.Board.Description.Inputs[1].Name, SineSource.AtDbfs(1000, -10));
            rig.Boot();
            rig.Run(300);
            long since = rig.NowUs;
            for (int i = 0; i < 4; i++)
            {
                rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.CycleMonitorMode, rig.Board.Clock.NowMs);
                rig.RunUntil(5000, true);
                rig.Run(300);
                OutputHelper.WriteLine("monitor " + rig.Device.Settings.Monitor.ToString() + ": " + rig.ToneDb(0, true, 50).ToString("F2") + " / " + rig.ToneDb(0, false, 50).ToString("F2") + " dBFS");
            }

            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
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
