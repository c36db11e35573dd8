using InterfaceFirmware.Firmware.Controls;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class DebugTests
    {
        [TestMethod]
        public static void RangeChangeTrace()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(200);
            rig.Device.Apply(UserAction.CycleGainRange, rig.Board.Clock.NowMs);
            for (int i = 0; i < 40; i++)
            {
                rig.Run(50);
                var a = rig.Board.Amplifier;
                OutputHelper.WriteLine(rig.Board.Clock.NowMs.ToString() + " heard " + rig.ToneDb(0, true, 20).ToString("F1") + " codecMuted " + rig.Device.Codec(0).Muted + " settled " + rig.Device.Codec(0).MuteSettled(rig.Board.Clock.NowMs)
                    + " open " + rig.Device.Output(0).Open + " ampEn " + rig.Device.Amplifier.Enabled + " busy " + rig.Device.Amplifier.Busy + " code " + a.VolumeCode + " lm " + a.LeftMuted + " sws " + a.SoftwareShutdown + " hp " + rig.Device.Output(0).Applied.HeadphoneCentiDb + "/" + rig.Device.Targets(0).HeadphoneCentiDb
                    + " dac " + rig.Device.Output(0).Applied.DacCentiDb + " amp " + rig.Device.Targets(0).AmplifierCentiDb + " codecbusy " + rig.Device.Codec(0).Busy);
            }
        }
    }
}
