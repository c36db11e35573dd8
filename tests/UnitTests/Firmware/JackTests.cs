using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Model;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The reference board's two jacks have their own levels (each its own codec), and the
    /// zero-latency monitor path follows a jack's level without clicks.
    /// </summary>
    [TestClass]
    public class JackTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public static void MovingOneJackLeavesTheOtherAlone(int moving)
        {
            int other = 1 - moving;
            var settings = new Settings(2);
            settings.BootCapCentiDb = 0;
            settings.Jacks[0].LevelCentiDb = -1200;
            settings.Jacks[1].LevelCentiDb = -1200;
            var rig = new DeviceRig("reference", settings);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(200);
            if (moving == 1)
            {
                rig.Device.Apply(UserAction.SelectNextJack, rig.Board.Clock.NowMs);
            }

            double reference = rig.ToneDb(other, true, 50);
            double start = rig.ToneDb(moving, true, 50);
            double bottom = 0;
            double worst = 0;
            long since = rig.NowUs;
            for (int i = 0; i < 40; i++)
            {
                rig.Device.Apply(i < 20 ? UserAction.VolumeDown : UserAction.VolumeUp, rig.Board.Clock.NowMs);
                rig.Run(40);
                if (i == 19)
                {
                    rig.Run(200);
                    bottom = rig.ToneDb(moving, true, 50);
                }

                double left = rig.ToneDb(other, true, 20) - reference;
                double right = rig.ToneDb(other, false, 20) - reference;
                worst = System.Math.Max(worst, System.Math.Max(System.Math.Abs(left), System.Math.Abs(right)));
            }

            double moved = rig.ToneDb(moving, true, 20);
            OutputHelper.WriteLine("jack " + moving + " moved 10 dB down and back; jack " + other + " stayed within " + worst.ToString("F3") + " dB of " + reference.ToString("F2") + " dBFS");
            Assert.IsTrue(worst <= 0.1, "the other jack moved by " + worst.ToString("F3") + " dB");
            Assert.AreEqual(0, rig.Pops(other, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(moving, since), rig.DescribePops());
            Assert.IsTrue(System.Math.Abs(bottom - (start - 10)) <= 0.2, "the moving jack went 10 dB down: " + (bottom - start).ToString("F2"));
            Assert.IsTrue(System.Math.Abs(moved - start) <= 0.1, "the moving jack is back at its level");
        }

        [TestMethod]
        public static void TheMonitorPathFollowsASweepWithoutAPop()
        {
            var settings = new Settings(2);
            settings.BootCapCentiDb = 2000;
            settings.Jacks[0].LevelCentiDb = 2000;
            var rig = new DeviceRig("reference", settings);
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            rig.Board.SetInput("input-2", SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.Run(200);
            long since = rig.NowUs;
            int top = rig.Device.Settings.Jacks[0].LevelCentiDb;
            double offset = rig.ToneDb(0, true, 50) - top / 100.0;
            double worst = 0;
            int worstAt = 0;
            while (!rig.Device.State.Jacks[0].AtFloor)
            {
                rig.Device.Apply(UserAction.VolumeDown, rig.Board.Clock.NowMs);
                if (rig.Device.State.Jacks[0].AtFloor)
                {
                    break;
                }

                rig.Run(40);
                int level = rig.Device.Settings.Jacks[0].LevelCentiDb;
                double error = rig.ToneDb(0, true, 20) - offset - level / 100.0;
                double planned = (rig.Device.Targets(0).MonitorLevelCentiDb - level) / 100.0;
                Assert.IsTrue(System.Math.Abs(error - planned) <= 0.1, "the jack does not hold what the planner reported at " + (level / 100.0).ToString("F1"));
                if (System.Math.Abs(error) > System.Math.Abs(worst))
                {
                    worst = error;
                    worstAt = level;
                }
            }

            while (rig.Device.Settings.Jacks[0].LevelCentiDb < top || rig.Device.State.Jacks[0].AtFloor)
            {
                rig.Device.Apply(UserAction.VolumeUp, rig.Board.Clock.NowMs);
                rig.Run(40);
            }

            rig.Run(200);
            OutputHelper.WriteLine("monitor path: worst error " + worst.ToString("F2") + " dB at " + (worstAt / 100.0).ToString("F1") + " dB (3 dB bypass steps, 1 dB headphone steps; the DAC's 0.5 dB does not reach it)");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.IsTrue(System.Math.Abs(worst) <= 1.5, "monitor error " + worst.ToString("F2"));
        }
    }
}
