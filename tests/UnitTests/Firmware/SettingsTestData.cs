using InterfaceFirmware.Drivers;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Persistence;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>Settings, limits and a store for the persistence tests (two jacks, like the reference board).</summary>
    internal static class SettingsTestData
    {
        public const int Jacks = 2;

        /// <summary>The reference board's levels (0.01 dB): main jack through the amplifier, second jack on the codec.</summary>
        public static SettingsLimits Limits()
        {
            var limits = new SettingsLimits(Jacks);
            limits.SetRange(0, HeadphoneRange.InEar, -9780, -1780);
            limits.SetRange(0, HeadphoneRange.Normal, -8610, -610);
            limits.SetRange(0, HeadphoneRange.High, -7600, 400);
            limits.SetRange(1, HeadphoneRange.InEar, -9800, -1800);
            limits.SetRange(1, HeadphoneRange.Normal, -8600, -600);
            limits.SetRange(1, HeadphoneRange.High, -8000, 0);
            limits.CanMonitorMono = true;
            limits.SetEqPresetCount(0, 8); // an EQ (EqLibrary.Count presets) on the first jack only
            return limits;
        }

        /// <summary>Every field away from its default.</summary>
        public static Settings Distinct()
        {
            var settings = new Settings(Jacks);
            settings.Jacks[0].LevelCentiDb = -1210;
            settings.Jacks[0].Range = HeadphoneRange.High;
            settings.Jacks[0].UserMaxCentiDb = -600;
            settings.Jacks[1].LevelCentiDb = -4350;
            settings.Jacks[1].Range = HeadphoneRange.InEar;
            settings.Jacks[1].UserMaxCentiDb = GainScale.Muted;
            settings.Jacks[0].EqPreset = 2;
            settings.Jacks[0].LimiterCentiDbV = -1250;
            settings.Jacks[1].EqPreset = 0;
            settings.Jacks[1].LimiterCentiDbV = Settings.LimiterOff;
            settings.Jacks[0].EqGraphic[0] = 12;
            settings.Jacks[0].EqGraphic[2] = -12;
            settings.Jacks[0].EqGraphic[4] = 3;
            settings.Jacks[1].EqTone[0] = -5;
            settings.Jacks[1].EqTone[1] = 7;
            settings.BootCapCentiDb = -2500;
            settings.Monitor = MonitorMode.Mono;
            settings.Blend = 17;
            settings.KeepAliveEnabled = false;
            settings.KeepAlivePeriodMs = 20000;
            settings.KeepAlivePulseMs = 500;
            settings.InputGainCentiDb[0] = 2475;
            settings.InputGainCentiDb[1] = -300;
            settings.ClipGuard[0] = true;
            settings.InputTypes[0] = InputType.Instrument;
            settings.InputTypes[1] = InputType.Mic;
            settings.Phantom = true;
            settings.Pan[0] = 2;
            settings.Pan[1] = -Settings.PanSteps;
            return settings;
        }

        /// <summary>Random settings inside <see cref="Limits"/> (what a user could set).</summary>
        public static void Randomize(Settings settings, DeterministicRandom random)
        {
            for (int j = 0; j < settings.Jacks.Length; j++)
            {
                JackSettings jack = settings.Jacks[j];
                jack.Range = (HeadphoneRange)random.Next(3);
                jack.LevelCentiDb = -9500 + (random.Next(180) * 50);
                jack.UserMaxCentiDb = random.Chance(0.5) ? GainScale.Muted : -3000 + (random.Next(60) * 50);
            }

            settings.BootCapCentiDb = -4000 + (random.Next(40) * 50);
            settings.Monitor = (MonitorMode)random.Next(3);
            settings.Blend = random.Next(Settings.BlendPositions + 1);
            settings.KeepAliveEnabled = random.Chance(0.5);
            settings.KeepAlivePeriodMs = 5000 + (random.Next(20) * 1000);
            settings.KeepAlivePulseMs = 200 + (random.Next(9) * 100);
            for (int c = 0; c < Settings.InputCount; c++)
            {
                settings.InputGainCentiDb[c] = random.Chance(0.2) ? GainScale.Muted : -1700 + (random.Next(100) * 75);
                settings.ClipGuard[c] = random.Chance(0.5);
                settings.InputTypes[c] = (InputType)random.Next(3);
                settings.Pan[c] = random.Next(2 * Settings.PanSteps + 1) - Settings.PanSteps;
            }

            settings.Phantom = random.Chance(0.5);
        }

        public static MemoryLog Log()
        {
            return new MemoryLog(new VirtualClock());
        }

        public static SettingsStorage Storage(SettingsFlash flash, ILog log)
        {
            return new SettingsStorage(flash, new SettingsRecord(SettingsLayout.Current(), Jacks), log);
        }

        /// <summary>The board's settings flash: four slots of 256 bytes, like the emulated board's.</summary>
        public static SettingsFlash Flash()
        {
            return new SettingsFlash(4, 256);
        }

        public static void AssertSame(Settings expected, Settings actual, string context)
        {
            Assert.AreEqual(expected.Jacks.Length, actual.Jacks.Length, context + ": jacks");
            for (int j = 0; j < expected.Jacks.Length; j++)
            {
                string jack = context + ": jack " + j.ToString();
                Assert.AreEqual(expected.Jacks[j].LevelCentiDb, actual.Jacks[j].LevelCentiDb, jack + " level");
                Assert.AreEqual((int)expected.Jacks[j].Range, (int)actual.Jacks[j].Range, jack + " range");
                Assert.AreEqual(expected.Jacks[j].UserMaxCentiDb, actual.Jacks[j].UserMaxCentiDb, jack + " user maximum");
                Assert.AreEqual(expected.Jacks[j].EqPreset, actual.Jacks[j].EqPreset, jack + " EQ preset");
                Assert.AreEqual(expected.Jacks[j].LimiterCentiDbV, actual.Jacks[j].LimiterCentiDbV, jack + " limiter");
                for (int b = 0; b < 5; b++)
                {
                    Assert.AreEqual(expected.Jacks[j].EqGraphic[b], actual.Jacks[j].EqGraphic[b], jack + " graphic band " + b.ToString());
                }

                Assert.AreEqual(expected.Jacks[j].EqTone[0], actual.Jacks[j].EqTone[0], jack + " bass");
                Assert.AreEqual(expected.Jacks[j].EqTone[1], actual.Jacks[j].EqTone[1], jack + " treble");
            }

            Assert.AreEqual(expected.BootCapCentiDb, actual.BootCapCentiDb, context + ": boot cap");
            Assert.AreEqual((int)expected.Monitor, (int)actual.Monitor, context + ": monitor");
            Assert.AreEqual(expected.Blend, actual.Blend, context + ": blend");
            Assert.AreEqual(expected.KeepAliveEnabled, actual.KeepAliveEnabled, context + ": keep-alive");
            Assert.AreEqual(expected.KeepAlivePeriodMs, actual.KeepAlivePeriodMs, context + ": keep-alive period");
            Assert.AreEqual(expected.KeepAlivePulseMs, actual.KeepAlivePulseMs, context + ": keep-alive pulse");
            for (int c = 0; c < Settings.InputCount; c++)
            {
                Assert.AreEqual(expected.InputGainCentiDb[c], actual.InputGainCentiDb[c], context + ": input gain " + c.ToString());
                Assert.AreEqual(expected.ClipGuard[c], actual.ClipGuard[c], context + ": clip guard " + c.ToString());
                Assert.AreEqual((int)expected.InputTypes[c], (int)actual.InputTypes[c], context + ": input type " + c.ToString());
                Assert.AreEqual(expected.Pan[c], actual.Pan[c], context + ": pan " + c.ToString());
            }

            Assert.AreEqual(expected.Phantom, actual.Phantom, context + ": phantom");
        }

        /// <summary>True if the settings serialize to the same fields.</summary>
        public static bool Same(SettingsRecord record, Settings a, Settings b, byte[] scratchA, byte[] scratchB)
        {
            int length = record.WriteFields(a, scratchA, 0);
            record.WriteFields(b, scratchB, 0);
            for (int i = 0; i < length; i++)
            {
                if (scratchA[i] != scratchB[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
