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
    }
}
