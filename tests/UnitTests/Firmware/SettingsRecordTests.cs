using InterfaceFirmware.Drivers;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Persistence;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class SettingsRecordTests
    {
        [TestMethod]
        public static void Crc32HasTheStandardCheckValue()
        {
            byte[] digits = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 }; // "123456789"
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(digits, 0, digits.Length));
            Assert.AreEqual(0u, Crc32.Compute(digits, 3, 0));
        }

        [TestMethod]
        public static void RecordIs87BytesForTwoJacks()
        {
            var record = new SettingsRecord(SettingsLayout.Current(), 2);
            Assert.AreEqual(4, record.CurrentVersion);

            // header 13 + v1: boot cap 4, monitor 1, blend 1 + per jack (level 4, range 1, user max 4) × 2
            // + v2: keep-alive 1 + 4 + 4, input gains 4 + 4, clip guards 1 + 1, input types 1 + 1,
            // phantom 1 + v3: pans 2 + 2 + v4: per jack (EQ preset 1, limiter 2, graphic 5 × 1,
            // bass and treble 2 × 1) × 2 + CRC 4
            Assert.AreEqual(6 + 18 + 22 + 4 + 20, record.PayloadLength);
            Assert.AreEqual(87, record.Length);
            Assert.AreEqual(87, record.Write(new Settings(2), 1, new byte[100]));
        }

        [TestMethod]
        public static void EveryFieldSurvivesARoundTrip()
        {
            var record = new SettingsRecord(SettingsLayout.Current(), 2);
            Settings saved = SettingsTestData.Distinct();
            var buffer = new byte[100];
            int length = record.Write(saved, 0x01020304u, buffer);

            var info = new SettingsRecordInfo();
            record.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.Valid, (int)info.Status, info.Describe(1));
            Assert.AreEqual(0x01020304u, info.Sequence);
            Assert.AreEqual(4, info.Version);
            Assert.AreEqual(2, info.JackCount);

            var loaded = new Settings(2);
            record.Read(buffer, info, loaded);
            SettingsTestData.AssertSame(saved, loaded, "round trip");

            // every value of each choice, and the extremes of the levels
            for (int v = 0; v < 3; v++)
            {
                saved.Jacks[0].Range = (HeadphoneRange)v;
                saved.Jacks[1].Range = (HeadphoneRange)(2 - v);
                saved.Monitor = (MonitorMode)v;
                saved.Blend = v == 0 ? 0 : (v == 1 ? Settings.BlendPositions : Settings.BlendPositions / 2);
                saved.Jacks[0].UserMaxCentiDb = v == 2 ? GainScale.Muted : int.MaxValue - v;
                saved.Jacks[1].LevelCentiDb = v == 1 ? int.MinValue : -v;
                length = record.Write(saved, (uint)v, buffer);
                record.Check(buffer, length, info);
                record.Read(buffer, info, loaded);
                SettingsTestData.AssertSame(saved, loaded, "round trip " + v.ToString());
            }
        }

        [TestMethod]
        public static void OlderShorterRecordIsMigratedWithDefaultsForNewFields()
        {
            // An old firmware's layout (v1: boot cap and levels) and the new one that adds the rest
            // in v2, as the next real version will add input gains, phantom, keep-alive …
            SettingsLayout v1 = new SettingsLayout()
                .Add(1, SettingsField.BootCap, 4)
                .Add(1, SettingsField.JackLevel, 4);
            SettingsLayout v2 = new SettingsLayout()
                .Add(1, SettingsField.BootCap, 4)
                .Add(1, SettingsField.JackLevel, 4)
                .Add(2, SettingsField.Monitor, 1)
                .Add(2, SettingsField.Blend, 1)
                .Add(2, SettingsField.JackRange, 1)
                .Add(2, SettingsField.JackUserMax, 4);
            var oldFirmware = new SettingsRecord(v1, 2);
            var newFirmware = new SettingsRecord(v2, 2);
            Assert.AreEqual(2, newFirmware.CurrentVersion);

            Settings saved = SettingsTestData.Distinct();
            var withoutLaterFields = new Settings(2); // the fields neither test layout has stay at their defaults
            saved.KeepAliveEnabled = withoutLaterFields.KeepAliveEnabled;
            saved.KeepAlivePeriodMs = withoutLaterFields.KeepAlivePeriodMs;
            saved.KeepAlivePulseMs = withoutLaterFields.KeepAlivePulseMs;
            for (int c = 0; c < Settings.InputCount; c++)
            {
                saved.InputGainCentiDb[c] = withoutLaterFields.InputGainCentiDb[c];
                saved.ClipGuard[c] = withoutLaterFields.ClipGuard[c];
                saved.InputTypes[c] = withoutLaterFields.InputTypes[c];
                saved.Pan[c] = withoutLaterFields.Pan[c];
            }

            saved.Phantom = withoutLaterFields.Phantom;
            for (int j = 0; j < 2; j++)
            {
                saved.Jacks[j].EqPreset = withoutLaterFields.Jacks[j].EqPreset;
                saved.Jacks[j].LimiterCentiDbV = withoutLaterFields.Jacks[j].LimiterCentiDbV;
                for (int b = 0; b < 5; b++)
                {
                    saved.Jacks[j].EqGraphic[b] = 0;
                }

                saved.Jacks[j].EqTone[0] = 0;
                saved.Jacks[j].EqTone[1] = 0;
            }

            var buffer = new byte[100];
            int length = oldFirmware.Write(saved, 9, buffer);
            Assert.AreEqual(13 + 4 + 8 + 4, length, "the v1 record is the shorter one");
            Assert.IsTrue(length < newFirmware.Length);

            var info = new SettingsRecordInfo();
            newFirmware.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.Valid, (int)info.Status, info.Describe(2));
            Assert.AreEqual(1, info.Version);

            Settings loaded = SettingsTestData.Distinct(); // stale values must not survive the read
            newFirmware.Read(buffer, info, loaded);
            var defaults = new Settings(2);
            Assert.AreEqual(saved.BootCapCentiDb, loaded.BootCapCentiDb);
            Assert.AreEqual(saved.Jacks[0].LevelCentiDb, loaded.Jacks[0].LevelCentiDb);
            Assert.AreEqual(saved.Jacks[1].LevelCentiDb, loaded.Jacks[1].LevelCentiDb);
            Assert.AreEqual((int)defaults.Monitor, (int)loaded.Monitor, "new field at its default");
            Assert.AreEqual(defaults.Blend, loaded.Blend, "new field at its default");
            Assert.AreEqual((int)defaults.Jacks[0].Range, (int)loaded.Jacks[0].Range, "new per-jack field at its default");
            Assert.AreEqual(defaults.Jacks[1].UserMaxCentiDb, loaded.Jacks[1].UserMaxCentiDb, "new per-jack field at its default");

            // a v2 record written by the new firmware reads back whole (sections in version order)
            length = newFirmware.Write(saved, 10, buffer);
            newFirmware.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.Valid, (int)info.Status);
            newFirmware.Read(buffer, info, loaded);
            SettingsTestData.AssertSame(saved, loaded, "v2 round trip");

            // … and the old firmware refuses it as a future version, though its checksum is intact
            oldFirmware.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.FutureVersion, (int)info.Status);
            Assert.IsTrue(info.Authentic);
            Assert.Contains("future format v2", info.Describe(oldFirmware.CurrentVersion));
        }

        [TestMethod]
        public static void AVersion2RecordLoadsWithInput1LeftAndInput2Right()
        {
            // The layout this firmware wrote before pans: Current() up to its version-2 rows.
            SettingsLayout current = SettingsLayout.Current();
            var v2 = new SettingsLayout();
            for (int i = 0; i < current.Count && current.Since(i) <= 2; i++)
            {
                v2.Add(current.Since(i), current.Field(i), current.Bytes(i));
            }

            Settings saved = SettingsTestData.Distinct();
            var buffer = new byte[100];
            int length = new SettingsRecord(v2, 2).Write(saved, 5, buffer);
            var record = new SettingsRecord(current, 2);
            var info = new SettingsRecordInfo();
            record.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.Valid, (int)info.Status, info.Describe(3));
            Assert.AreEqual(2, info.Version);
            Settings loaded = SettingsTestData.Distinct();
            record.Read(buffer, info, loaded);
            Assert.AreEqual(-Settings.PanSteps, loaded.Pan[0], "input 1 on the left, as stereo was");
            Assert.AreEqual(Settings.PanSteps, loaded.Pan[1], "input 2 on the right");
            Assert.AreEqual(saved.Blend, loaded.Blend, "the version-2 fields read");
            Assert.AreEqual(saved.Phantom, loaded.Phantom);
        }

        [TestMethod]
        public static void RecordOfFewerJacksLeavesTheOthersAtDefaults()
        {
            var oneJack = new SettingsRecord(SettingsLayout.Current(), 1);
            var twoJacks = new SettingsRecord(SettingsLayout.Current(), 2);
            var saved = new Settings(1);
            saved.Jacks[0].LevelCentiDb = -1500;
            saved.Blend = 3;
            var buffer = new byte[100];
            int length = oneJack.Write(saved, 1, buffer);

            var info = new SettingsRecordInfo();
            twoJacks.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.Valid, (int)info.Status);
            Assert.AreEqual(1, info.JackCount);
            Settings loaded = SettingsTestData.Distinct();
            twoJacks.Read(buffer, info, loaded);
            Assert.AreEqual(-1500, loaded.Jacks[0].LevelCentiDb);
            Assert.AreEqual(3, loaded.Blend);
            Assert.AreEqual(Settings.DefaultLevelCentiDb, loaded.Jacks[1].LevelCentiDb);
        }

        [TestMethod]
        public static void DamagedRecordsAreToldApart()
        {
            var record = new SettingsRecord(SettingsLayout.Current(), 2);
            var good = new byte[100];
            int length = record.Write(SettingsTestData.Distinct(), 5, good);
            var buffer = new byte[100];
            var info = new SettingsRecordInfo();

            Assert.AreEqual((int)SettingsRecordStatus.ReadError, (int)Check(record, good, buffer, -1, info, -1, 0));
            Assert.AreEqual((int)SettingsRecordStatus.Empty, (int)Check(record, good, buffer, 0, info, -1, 0));
            Assert.AreEqual((int)SettingsRecordStatus.Truncated, (int)Check(record, good, buffer, 10, info, -1, 0));
            Assert.AreEqual((int)SettingsRecordStatus.Truncated, (int)Check(record, good, buffer, 30, info, -1, 0), "shorter than the header says");
            Assert.AreEqual((int)SettingsRecordStatus.BadChecksum, (int)Check(record, good, buffer, length, info, 20, 0x10));
            Assert.AreEqual((int)SettingsRecordStatus.Valid, (int)Check(record, good, buffer, length, info, -1, 0), "untouched copy is valid");
            Assert.AreEqual((int)SettingsRecordStatus.ForeignMagic, (int)Check(record, good, buffer, length, info, 0, 0x20));
            Assert.AreEqual((int)SettingsRecordStatus.BadChecksum, (int)Check(record, good, buffer, length, info, length - 1, 0x01), "checksum itself damaged");
            Assert.AreEqual((int)SettingsRecordStatus.BadChecksum, (int)Check(record, good, buffer, length, info, 4, 0x02), "version bits flipped: the checksum catches it first");

            // a torn write: the first bytes landed, the rest is erased flash
            Copy(good, buffer, length);
            for (int i = 17; i < length; i++)
            {
                buffer[i] = 0xFF;
            }

            record.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.TornWrite, (int)info.Status);

            for (int i = 0; i < length; i++)
            {
                buffer[i] = 0xFF;
            }

            record.Check(buffer, length, info);
            Assert.AreEqual((int)SettingsRecordStatus.Erased, (int)info.Status);
        }

        private static SettingsRecordStatus Check(SettingsRecord record, byte[] good, byte[] buffer, int storedLength, SettingsRecordInfo info, int flipAt, int mask)
        {
            Copy(good, buffer, good.Length);
            if (flipAt >= 0)
            {
                buffer[flipAt] = (byte)(buffer[flipAt] ^ mask);
            }

            record.Check(buffer, storedLength, info);
            return info.Status;
        }

        private static void Copy(byte[] from, byte[] to, int count)
        {
            for (int i = 0; i < count; i++)
            {
                to[i] = from[i];
            }
        }
    }
}
