using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class BootTests
    {
        [TestMethod]
        public static void ReferenceBoardBootsToTheDefaultLevelWithoutAPop()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double level = rig.ToneDb(0, true, 100);
            OutputHelper.WriteLine("main jack " + level.ToString("F2") + " dB, pops: " + rig.DescribePops());
            OutputHelper.WriteLine(LogText(rig));
            Assert.AreEqual(0, rig.Pops(0, 0), rig.DescribePops());
        }

        [TestMethod]
        public static void AudioKitBootsWithoutAPop()
        {
            var rig = new DeviceRig("audiokit", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double level = rig.ToneDb(0, true, 100);
            OutputHelper.WriteLine("jack " + level.ToString("F2") + " dB");
            OutputHelper.WriteLine(LogText(rig));
        }

        internal static string LogText(DeviceRig rig)
        {
            string text = string.Empty;
            for (int i = 0; i < rig.Board.Log.Entries.Count; i++)
            {
                text += rig.Board.Log.Entries[i].ToString() + "\n";
            }

            return text;
        }
    }
}
