using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>The firmware on the emulated boards: bouncing, stuck and chattering buttons, jack detect, mute, LEDs.</summary>
    [TestClass]
    public class DeviceControlTests
    {
        [TestMethod]
        public static void OnceAllIsSteadyAChangeWithoutAKeyIsStillPlannedWithinFortyMilliseconds()
        {
            // Steady, the loop looks at the jacks' plans every PlanEveryTicks-th tick only: a change
            // that reaches the settings without a key (here written directly) is planned within that.
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(200);
            int before = rig.Device.Targets(0).DacCentiDb + rig.Device.Targets(0).HeadphoneCentiDb;
            rig.Device.Settings.Jacks[0].LevelCentiDb -= 600;
            int ticks = 0;
            while (rig.Device.Targets(0).DacCentiDb + rig.Device.Targets(0).HeadphoneCentiDb == before && ticks < 20)
            {
                rig.Run(InterfaceDevice.TickMs);
                ticks++;
            }

            Assert.IsTrue(ticks >= 1 && ticks <= InterfaceDevice.PlanEveryTicks, "planned after " + ticks.ToString() + " ticks");
            Assert.AreEqual(before - 600, rig.Device.Targets(0).DacCentiDb + rig.Device.Targets(0).HeadphoneCentiDb, "the new level");
        }

        [TestMethod]
        public static void ABouncingPressIsOneStepAndReachesTheBusWithinATickOfTheDebounce()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(100);
            int before = rig.Device.Settings.Jacks[0].LevelCentiDb;
            Button up = rig.Board.Button("volume-up");
            up.MaxBounceTransitions = 8;
            int mark = rig.Board.Bus.Log.Count;
            up.PressAndHold();
            long settledUs = up.SettledAtUs;
            rig.Run(100);
            up.Release();
            rig.Run(100);
            Assert.AreEqual(before + 50, rig.Device.Settings.Jacks[0].LevelCentiDb, "one step for one bouncing press");

            long firstWriteUs = -1;
            for (int i = mark; i < rig.Board.Bus.Log.Count; i++)
            {
                var t = (I2cTransaction)rig.Board.Bus.Log[i];
                if (t.Operation == I2cOperation.Write)
                {
                    firstWriteUs = t.TimeUs;
                    break;
                }
            }

            long decidedUs = settledUs + DebouncedInput.DefaultDebounceMs * 1000L;
            OutputHelper.WriteLine("contact settled at " + settledUs + " µs, debounce decided by " + decidedUs + ", first write at " + firstWriteUs);
            Assert.IsTrue(firstWriteUs >= decidedUs, "written before the debounce could decide");
            Assert.IsTrue(firstWriteUs - decidedUs <= InterfaceDevice_TickUs, "the first write came more than a tick after the debounce decided");
        }

        private const long InterfaceDevice_TickUs = InterfaceFirmware.Firmware.Application.InterfaceDevice.TickMs * 1000L;

        [TestMethod]
        public static void AStuckButtonIsLoggedOnceAndTheOthersKeepWorking()
        {
            var rig = new DeviceRig("reference", null);
            rig.Boot();
            rig.Board.Button("select").PressAndHold();
            rig.Run(25000);
            int warnings = CountLog(rig, "stuck");
            int level = rig.Device.Settings.Jacks[0].LevelCentiDb;
            rig.Board.Button("volume-down").Press(80);
            rig.Run(200);
            Assert.AreEqual(1, warnings);
            Assert.AreEqual(level - 50, rig.Device.Settings.Jacks[0].LevelCentiDb, "volume-down works while select is stuck");
            Assert.AreEqual(0, rig.Device.State.SelectedJack);
            rig.Board.Button("select").Release();
            rig.Run(1000);
            Assert.AreEqual(0, rig.Device.State.SelectedJack, "the stuck button's release is not a click");
            rig.Board.Button("select").Press(80);
            rig.Run(1000);
            Assert.AreEqual(1, rig.Device.State.SelectedJack, "back in use");
            Assert.AreEqual(1, CountLog(rig, "stuck"));
        }

        [TestMethod]
        public static void AChatteringButtonIsLoggedOnceAndIgnoredUntilQuiet()
        {
            var rig = new DeviceRig("reference", null);
            rig.Boot();
            int level = rig.Device.Settings.Jacks[0].LevelCentiDb;
            rig.Board.Button("volume-up").Chatter(3000, 4);
            rig.Run(5000);
            OutputHelper.WriteLine(BootTextOf(rig));
            Assert.AreEqual(1, CountLog(rig, "chatters"));
            Assert.IsTrue(rig.Device.Settings.Jacks[0].LevelCentiDb <= level + 50, "a chattering key moved the level");
            int after = rig.Device.Settings.Jacks[0].LevelCentiDb;
            rig.Board.Button("volume-up").Press(80);
            rig.Run(300);
            Assert.AreEqual(after + 50, rig.Device.Settings.Jacks[0].LevelCentiDb, "back in use once quiet");
        }

        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("lyrat")]
        [DataRow("portable")]
        public static void MutedIsSilentAndUnmutingFadesBackWithoutAPop(string board)
        {
            var settings = new Settings(VolumeTests.BoardProfilesJacks(board));
            settings.BootCapCentiDb = 2000;
            settings.Jacks[0].LevelCentiDb = -600;
            var rig = new DeviceRig(board, settings);
            rig.PlayTone(-1);
            rig.Board.SetInput(rig.Board.Description.Inputs[0].Name, SineSource.AtDbfs(1000, -1));
            rig.Boot();
            rig.Run(200);
            double open = rig.ToneDb(0, true, 50);
            long since = rig.NowUs;
            rig.Device.Apply(UserAction.ToggleMute, rig.Board.Clock.NowMs);
            rig.Run(3000);
            double muted = System.Math.Max(rig.ToneDb(0, true, 100), rig.ToneDb(0, false, 100));
            rig.Device.Apply(UserAction.ToggleMute, rig.Board.Clock.NowMs);
            rig.RunUntil(5000, true);
            rig.Run(100);
            double back = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine(board + ": open " + open.ToString("F1") + " dBFS, muted " + muted.ToString("F1") + ", back " + back.ToString("F1"));
            Assert.IsTrue(muted <= -100, "muted: " + muted.ToString("F1") + " dBFS");
            Assert.IsTrue(System.Math.Abs(back - open) <= 0.1, "not back at its level");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        public static void UnpluggedTheMainJackIsMutedAndItsAmplifierOffAPlugComesBackAtTheCap()
        {
            var settings = new Settings(2);
            settings.BootCapCentiDb = -2000;
            var rig = new DeviceRig("reference", settings);
            rig.PlayTone(-6);
            rig.Boot();
            for (int i = 0; i < 30; i++)
            {
                rig.Device.Apply(UserAction.VolumeUp, rig.Board.Clock.NowMs); // above the cap: −20 dB
            }

            rig.RunUntil(3000, true);
            int above = rig.Device.Settings.Jacks[0].LevelCentiDb;
            Assert.IsTrue(above > -2000, "the level went above the cap before the unplug: " + above.ToString());
            long since = rig.NowUs;
            rig.Board.PlugHeadphones(false);
            rig.Run(2000);
            Assert.IsFalse(rig.Device.Amplifier.Enabled, "amplifier still on");
            Assert.IsTrue(rig.Board.Amplifier.SoftwareShutdown || !rig.Board.AmplifierShutdown.Level, "amplifier not shut down");
            rig.Board.PlugHeadphones(true);
            rig.Run(200); // the jack-detect debounce: until then the jack is not planned open
            rig.RunUntil(5000, true);
            rig.Run(100);
            double heard = rig.ToneDb(0, true, 50);
            int back = rig.Device.Settings.Jacks[0].LevelCentiDb;
            Assert.IsTrue(back <= -2000 && back > -2000 - 50, "comes back at the cap (on the range's 0.5 dB grid): " + back.ToString());
            Assert.IsTrue(System.Math.Abs(heard - (-20 - 6)) <= 0.5, "heard " + heard.ToString("F1"));
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        public static void TheLedsShowModeMuteAndSelectionAsTheTableSays()
        {
            var rig = new DeviceRig("reference", null);
            Assert.AreEqual(LedPatterns.Blink, rig.Device.Leds == null ? LedPatterns.Blink : 0); // not started: no LEDs yet
            rig.Boot();
            CheckLed(rig, "status", LedPatterns.Solid); // a computer: USB mode
            CheckLed(rig, "monitor", LedPatterns.Solid); // stereo monitoring
            rig.Device.Apply(UserAction.ToggleMute, rig.Board.Clock.NowMs);
            CheckLed(rig, "status", LedPatterns.SlowBlink);
            rig.Device.Apply(UserAction.ToggleMute, rig.Board.Clock.NowMs);
            rig.Device.Apply(UserAction.SelectNextJack, rig.Board.Clock.NowMs);
            CheckLed(rig, "status", LedPatterns.TwoFlashes);
            rig.Run(LedPatterns.CycleMs);
            CheckLed(rig, "status", LedPatterns.Solid);
            rig.Device.Apply(UserAction.CycleMonitorMode, rig.Board.Clock.NowMs); // stereo → off
            CheckLed(rig, "monitor", 0);

            var kit = new DeviceRig("audiokit", null);
            kit.Board.CodecClock.Start(48000, 256);
            kit.Device.Start();
            CheckSlots(kit, "d4", LedPatterns.Blink, 8); // powering up (the ES8388's bias takes 2.4 s)
            kit.RunUntil(6000, true);
            CheckLed(kit, "d4", LedPatterns.Heartbeat); // standalone
        }

        // Samples the LED over two whole cycles and compares each slot with the pattern.
        private static void CheckLed(DeviceRig rig, string led, int pattern)
        {
            rig.Run(LedPatterns.CycleMs - (int)(rig.Board.Clock.NowMs % LedPatterns.CycleMs));
            CheckSlots(rig, led, pattern, 2 * LedPatterns.Slots);
        }

        // Samples the LED in the middle of each of the next <slots> slots.
        private static void CheckSlots(DeviceRig rig, string led, int pattern, int slots)
        {
            rig.Run(LedPatterns.SlotMs - (int)(rig.Board.Clock.NowMs % LedPatterns.SlotMs) + LedPatterns.SlotMs / 2);
            for (int slot = 0; slot < slots; slot++)
            {
                bool expected = LedPatterns.IsLit(pattern, rig.Board.Clock.NowMs);
                Assert.AreEqual(expected, rig.Board.LedOn(led), led + " at slot " + slot.ToString());
                rig.Run(LedPatterns.SlotMs);
            }
        }

        private static int CountLog(DeviceRig rig, string text)
        {
            int count = 0;
            for (int i = 0; i < rig.Board.Log.Entries.Count; i++)
            {
                var entry = (LogEntry)rig.Board.Log.Entries[i];
                if (entry.Level >= LogLevel.Warning && entry.Message.IndexOf(text) >= 0)
                {
                    count++;
                }
            }

            return count;
        }

        private static string BootTextOf(DeviceRig rig)
        {
            return rig.LogText();
        }
    }
}
