using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Model;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>What the user set survives a power cut: the firmware saves it and the next boot restores it.</summary>
    [TestClass]
    public class RestartTests
    {
        [TestMethod]
        public static void LevelsRangeAndMonitorModeComeBackAfterAPowerCut()
        {
            var flash = new SettingsFlash(4, 256);
            var first = new DeviceRig(new VirtualBoard(BoardDescription.Reference(), 11, flash), "reference", null, true);
            first.Boot();
            long now = first.Board.Clock.NowMs;
            for (int i = 0; i < 6; i++)
            {
                first.Device.Apply(UserAction.VolumeDown, now);
            }

            first.Device.Apply(UserAction.SelectNextJack, now);
            first.Device.Apply(UserAction.CycleGainRange, now);
            first.Device.Apply(UserAction.CycleMonitorMode, now);
            int mainLevel = first.Device.Settings.Jacks[0].LevelCentiDb;
            int secondLevel = first.Device.Settings.Jacks[1].LevelCentiDb;
            first.Run(4000); // a few seconds after the last change: saved
            first.Board.DisconnectPower();

            var second = new DeviceRig(new VirtualBoard(BoardDescription.Reference(), 12, flash), "reference", null, true);
            second.Boot();
            OutputHelper.WriteLine(second.LogText());
            Assert.AreEqual(mainLevel, second.Device.Settings.Jacks[0].LevelCentiDb);
            Assert.AreEqual(secondLevel, second.Device.Settings.Jacks[1].LevelCentiDb);
            Assert.AreEqual((int)HeadphoneRange.High, (int)second.Device.Settings.Jacks[1].Range);
            Assert.AreEqual((int)MonitorMode.Off, (int)second.Device.Settings.Monitor);
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("portable")]
        public static void TheEsp32RestartingUnderLivePlayingChipsTakesChargeWithoutAPopOrALevelJump(string board)
        {
            var first = new DeviceRig(board, null);
            first.PlayTone(-6);
            first.Boot();
            first.Run(500);
            double before = first.ToneDb(0, true, 50);
            long since = first.NowUs;

            // The ESP32 restarts (watchdog, crash, a new deploy): the chips stay powered and playing.
            first.Board.Clock.StopTicks();
            first.Run(300);
            var io = new InterfaceFirmware.Firmware.Application.BoardIo(first.Board.Clock, first.Board.Bus, new VirtualGpio(first.Board), first.Board.Log);
            io.Usb = first.Board.Usb;
            io.CodecClock = first.Board.CodecClock;
            io.AdcTap = first.Board.AdcTap;
            var second = new InterfaceFirmware.Firmware.Application.InterfaceDevice(first.Profile, io, null);
            second.Start();
            double loudest = first.RunAndFindLoudest(0, 8000);

            double after = first.ToneDb(0, true, 50);
            OutputHelper.WriteLine(board + ": before " + before.ToString("F2") + ", loudest during the restart " + loudest.ToString("F2") + ", after " + after.ToString("F2") + " dBFS; " + first.DescribePops());
            Assert.IsTrue(loudest <= before + 0.5, "louder during the restart");
            Assert.IsTrue(System.Math.Abs(after - before) <= 0.1, "not back at its level");
            Assert.AreEqual(0, first.Pops(0, since), first.DescribePops());
        }
    }
}
