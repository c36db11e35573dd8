using InterfaceFirmware.Drivers;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Persistence;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class SettingsValidatorTests
    {
        [TestMethod]
        public static void SaneSettingsAreLeftAlone()
        {
            MemoryLog log = SettingsTestData.Log();
            Settings settings = SettingsTestData.Distinct();
            Assert.AreEqual(0, SettingsValidator.Clamp(settings, SettingsTestData.Limits(), log));
            SettingsTestData.AssertSame(SettingsTestData.Distinct(), settings, "unchanged");
            Assert.AreEqual(0, log.Entries.Count);

            // defaults are sane, and a user maximum set in another range is kept (High's +4 dB while on Normal)
            settings = new Settings(2);
            settings.Jacks[0].UserMaxCentiDb = 400;
            Assert.AreEqual(0, SettingsValidator.Clamp(settings, SettingsTestData.Limits(), log));
            Assert.AreEqual(400, settings.Jacks[0].UserMaxCentiDb);
        }

        [TestMethod]
        public static void LevelAboveTheRangeMaximumIsClamped()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Jacks[1].LevelCentiDb = -500; // in-ear range of the second jack ends at −18 dB
            Clamped(settings, "saved jack 1: level -5.0 dB above the range's maximum -18.0 dB");
            Assert.AreEqual(-1800, settings.Jacks[1].LevelCentiDb);
        }

        [TestMethod]
        public static void LevelAboveTheUserMaximumIsClamped()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Jacks[0].LevelCentiDb = 0; // the user's maximum is −6 dB
            Clamped(settings, "saved jack 0: level +0.0 dB above the user's maximum -6.0 dB");
            Assert.AreEqual(-600, settings.Jacks[0].LevelCentiDb);
        }

        [TestMethod]
        public static void LevelBelowTheRangeMinimumIsClamped()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Jacks[1].LevelCentiDb = GainScale.Muted;
            Clamped(settings, "saved jack 1: level muted below the range's minimum -98.0 dB");
            Assert.AreEqual(-9800, settings.Jacks[1].LevelCentiDb);
        }

        [TestMethod]
        public static void UnknownRangeFallsBackToNormal()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Jacks[1].Range = (HeadphoneRange)9;
            Clamped(settings, "saved jack 1: range 9 unknown: set to normal");
            Assert.AreEqual((int)HeadphoneRange.Normal, (int)settings.Jacks[1].Range);
        }

        [TestMethod]
        public static void UserMaximumOutsideEveryRangeIsClamped()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Jacks[0].UserMaxCentiDb = 3000;
            settings.Jacks[1].UserMaxCentiDb = -12000;
            settings.Jacks[1].LevelCentiDb = -9800; // at the in-ear minimum: the clamped maximum does not move it
            MemoryLog log = SettingsTestData.Log();
            Assert.AreEqual(2, SettingsValidator.Clamp(settings, SettingsTestData.Limits(), log));
            Assert.AreEqual(400, settings.Jacks[0].UserMaxCentiDb, "the loudest range's maximum");
            Assert.AreEqual(-9800, settings.Jacks[1].UserMaxCentiDb, "the quietest range's minimum");
            Assert.IsTrue(log.Contains(LogLevel.Warning, "saved jack 0: maximum +30.0 dB outside every range: set to +4.0 dB"));
            Assert.IsTrue(log.Contains(LogLevel.Warning, "saved jack 1: maximum -120.0 dB outside every range: set to -98.0 dB"));
        }

        [TestMethod]
        public static void BootCapOutsideEveryRangeIsClamped()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.BootCapCentiDb = 2000;
            Clamped(settings, "saved boot cap +20.0 dB outside every range (-98.0 dB to +4.0 dB): set to +4.0 dB");
            Assert.AreEqual(400, settings.BootCapCentiDb);

            settings.BootCapCentiDb = int.MinValue;
            Clamped(settings, "saved boot cap muted outside every range");
            Assert.AreEqual(-9800, settings.BootCapCentiDb);
        }

        [TestMethod]
        public static void UnknownMonitorModeFallsBackToTheDefault()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Monitor = (MonitorMode)3;
            Clamped(settings, "saved monitor mode 3 unknown: set to stereo");
            Assert.AreEqual((int)MonitorMode.Stereo, (int)settings.Monitor);
        }

        [TestMethod]
        public static void MonoMonitoringOnABoardWithoutItBecomesStereo()
        {
            Settings settings = SettingsTestData.Distinct();
            SettingsLimits limits = SettingsTestData.Limits();
            limits.CanMonitorMono = false;
            MemoryLog log = SettingsTestData.Log();
            Assert.AreEqual(1, SettingsValidator.Clamp(settings, limits, log));
            Assert.AreEqual((int)MonitorMode.Stereo, (int)settings.Monitor);
            Assert.IsTrue(log.Contains(LogLevel.Warning, "mono monitoring is not possible on this board"));
        }

        [TestMethod]
        public static void BlendOutsideItsPositionsIsClamped()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Blend = 65;
            Clamped(settings, "saved blend 65 outside 0..64: set to 64");
            Assert.AreEqual(64, settings.Blend);

            settings.Blend = -1;
            Clamped(settings, "saved blend -1 outside 0..64: set to 0");
            Assert.AreEqual(0, settings.Blend);
        }

        [TestMethod]
        public static void APanOutsideItsPositionsGoesBackToTheInputsOwnSide()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Pan[0] = 9;
            Clamped(settings, "saved input 1 pan 9 outside ±5: its own side");
            Assert.AreEqual(-Settings.PanSteps, settings.Pan[0]);

            settings.Pan[1] = -300;
            Clamped(settings, "saved input 2 pan -300 outside ±5: its own side");
            Assert.AreEqual(Settings.PanSteps, settings.Pan[1]);
        }

        [TestMethod]
        public static void LimitsComeFromTheBoardsPlanners()
        {
            var rig = new DeviceRig("reference", null);
            var planners = new InterfaceFirmware.Firmware.Planning.JackPlanner[] { rig.Device.Planner(0), rig.Device.Planner(1) };
            SettingsLimits limits = SettingsLimits.FromPlanners(planners, planners[0].CanMonitorMono);
            for (int j = 0; j < 2; j++)
            {
                for (int r = 0; r < SettingsLimits.RangeCount; r++)
                {
                    var range = (HeadphoneRange)r;
                    Assert.AreEqual(planners[j].MaxLevel(range), limits.MaxLevel(j, range));
                    Assert.AreEqual(planners[j].MinLevel(range), limits.MinLevel(j, range));
                }
            }

            Assert.AreEqual(planners[0].CanMonitorMono, limits.CanMonitorMono);

            // the defaults are sane on the real board
            Assert.AreEqual(0, SettingsValidator.Clamp(new Settings(2), limits, null));
        }

        [TestMethod]
        public static void AnEqPresetOrLimiterAJackCannotHaveFallsBackSafely()
        {
            Settings settings = SettingsTestData.Distinct();
            settings.Jacks[0].EqPreset = 9; // eight presets on the first jack
            Clamped(settings, "saved jack 0: EQ preset 9 not among its 8: flat");
            Assert.AreEqual(0, settings.Jacks[0].EqPreset);

            settings = SettingsTestData.Distinct();
            settings.Jacks[1].EqPreset = 1; // no EQ on the second jack
            Clamped(settings, "saved jack 1: EQ preset 1 but the jack has no EQ: flat");
            Assert.AreEqual(0, settings.Jacks[1].EqPreset);

            settings = SettingsTestData.Distinct();
            settings.Jacks[0].LimiterCentiDbV = 5000;
            Clamped(settings, "saved jack 0: limiter cap +50.0 dBV outside -40.0 dBV to +10.0 dBV: set to +10.0 dBV");
            Assert.AreEqual(Settings.LimiterMaxCentiDbV, settings.Jacks[0].LimiterCentiDbV);

            settings = SettingsTestData.Distinct();
            settings.Jacks[0].EqGraphic[3] = 40;
            Clamped(settings, "saved jack 0: graphic EQ band 4 at 40 dB outside ±12 dB: 0 dB");
            Assert.AreEqual(0, settings.Jacks[0].EqGraphic[3]);

            settings = SettingsTestData.Distinct();
            settings.Jacks[1].LimiterCentiDbV = -1000;
            Clamped(settings, "saved jack 1: a limiter but the jack has none: off");
            Assert.AreEqual(Settings.LimiterOff, settings.Jacks[1].LimiterCentiDbV);
        }

        private static void Clamped(Settings settings, string reason)
        {
            MemoryLog log = SettingsTestData.Log();
            Assert.AreEqual(1, SettingsValidator.Clamp(settings, SettingsTestData.Limits(), log), reason);
            Assert.IsTrue(log.Contains(LogLevel.Warning, reason), "logged: " + reason);
        }
    }
}
