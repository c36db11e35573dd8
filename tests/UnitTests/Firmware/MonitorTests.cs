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
