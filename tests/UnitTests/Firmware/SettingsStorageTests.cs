using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Persistence;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class SettingsStorageTests
    {
        [TestMethod]
        public static void FirstBootComesUpAtDefaultsWithoutAWarning()
        {
            MemoryLog log = SettingsTestData.Log();
            SettingsStorage storage = SettingsTestData.Storage(SettingsTestData.Flash(), log);
            Settings loaded = SettingsTestData.Distinct();

            Assert.IsFalse(storage.Load(loaded, SettingsTestData.Limits()));
            SettingsTestData.AssertSame(new Settings(2), loaded, "first boot");
            Assert.IsTrue(log.Contains(LogLevel.Info, "nothing saved yet: defaults"));
            Assert.AreEqual(0, log.CountAtLeast(LogLevel.Warning));
            Assert.AreEqual(-1, storage.NewestSlot);
        }

        [TestMethod]
        public static void SavesAlternateSlotsAndTheNewestWins()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            storage.Load(new Settings(2), null);
            Settings settings = SettingsTestData.Distinct();

            for (int save = 1; save <= 5; save++)
            {
                settings.Blend = save;
                Assert.IsTrue(storage.Save(settings));
                Assert.AreEqual((save - 1) % 2, storage.NewestSlot, "save " + save.ToString());
                Assert.AreEqual((uint)save, storage.Sequence);
            }

            Assert.AreEqual(3, flash.WriteCount(0));
            Assert.AreEqual(2, flash.WriteCount(1));
            Assert.AreEqual(0, flash.WriteCount(2) + flash.WriteCount(3), "the other slots are not the settings'");
            Assert.AreEqual(5L * 87, flash.BytesWritten, "87 bytes per save");

            MemoryLog log = SettingsTestData.Log();
            SettingsStorage rebooted = SettingsTestData.Storage(flash, log);
            var loaded = new Settings(2);
            Assert.IsTrue(rebooted.Load(loaded, SettingsTestData.Limits()));
            SettingsTestData.AssertSame(settings, loaded, "after reboot");
            Assert.AreEqual(0, rebooted.NewestSlot);
            Assert.AreEqual(5u, rebooted.Sequence);
            Assert.IsTrue(log.Contains(LogLevel.Info, "loaded record 5 from slot 0"));
            Assert.AreEqual(0, log.CountAtLeast(LogLevel.Warning));

            // the next save goes to the slot of the older record, numbered on
            Assert.IsTrue(rebooted.Save(loaded));
            Assert.AreEqual(1, rebooted.NewestSlot);
            Assert.AreEqual(6u, rebooted.Sequence);
        }

        [TestMethod]
        public static void ASaveInPartsWritesTheSameBytesAsARecordWrittenAtOnce()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            storage.Load(new Settings(2), null);
            Settings settings = SettingsTestData.Distinct();
            Assert.AreEqual(SaveProgress.Idle, storage.ContinueSave(), "nothing begun");

            storage.BeginSave(settings);
            int parts = 0;
            SaveProgress progress;
            while ((progress = storage.ContinueSave()) == SaveProgress.Working)
            {
                parts++;
                Assert.AreEqual(0, flash.TotalWrites, "the store is written by the last part only");
            }

            Assert.AreEqual(SaveProgress.Saved, progress);
            int values = storage.Record.ValueCount;
            Assert.AreEqual((values + SettingsStorage.ValuesPerPart - 1) / SettingsStorage.ValuesPerPart, parts);
            Assert.IsFalse(storage.Saving);

            var atOnce = new byte[storage.Record.Length];
            Assert.AreEqual(atOnce.Length, storage.Record.Write(settings, 1, atOnce));
            var stored = new byte[flash.MaxRecordSize];
            Assert.AreEqual(atOnce.Length, flash.Read(0, stored, 0, stored.Length));
            for (int i = 0; i < atOnce.Length; i++)
            {
                Assert.AreEqual(atOnce[i], stored[i], "byte " + i.ToString());
            }

            // a save dropped half way writes nothing, and the next one numbers on from the last written
            settings.Blend = 2;
            storage.BeginSave(settings);
            storage.ContinueSave();
            storage.CancelSave();
            Assert.AreEqual(SaveProgress.Idle, storage.ContinueSave());
            Assert.AreEqual(1, flash.TotalWrites);
            Assert.IsTrue(storage.Save(settings));
            Assert.AreEqual(2u, storage.Sequence);
            var loaded = new Settings(2);
            Assert.IsTrue(SettingsTestData.Storage(flash, null).Load(loaded, null));
            SettingsTestData.AssertSame(settings, loaded, "after the second save");
        }

        [TestMethod]
        public static void SaveWithoutALoadFirstFindsTheNewestRecord()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            for (int save = 0; save < 3; save++)
            {
                storage.Save(SettingsTestData.Distinct()); // the newest ends in slot 0, record 3
            }

            // booted with settings from elsewhere (a test, a script): the store was never loaded
            SettingsStorage fresh = SettingsTestData.Storage(flash, SettingsTestData.Log());
            Settings settings = SettingsTestData.Distinct();
            settings.Blend = 5;
            Assert.IsTrue(fresh.Save(settings));
            Assert.AreEqual(1, fresh.NewestSlot, "not over the newest record");
            Assert.AreEqual(4u, fresh.Sequence);

            var loaded = new Settings(2);
            SettingsTestData.Storage(flash, null).Load(loaded, null);
            SettingsTestData.AssertSame(settings, loaded, "the save wins at the next boot");
        }

        [TestMethod]
        public static void CorruptChecksumFallsBackToTheOlderRecord()
        {
            FallsBack(Damage.FlipABit, "slot 1 rejected: checksum mismatch (corrupt)");
        }

        [TestMethod]
        public static void ForeignRecordFallsBackToTheOlderRecord()
        {
            FallsBack(Damage.Foreign, "slot 1 rejected: foreign record");
        }

        [TestMethod]
        public static void FutureVersionFallsBackToTheOlderRecord()
        {
            SettingsFlash flash = FallsBack(Damage.FutureVersion, "slot 1 rejected: future format v5 (this firmware reads up to v4)");

            // the next save overwrites the future record (not the one it loaded) and counts past its number
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            storage.Load(new Settings(2), null);
            Assert.AreEqual(3u, storage.Sequence, "the future record's number counts");
            Assert.IsTrue(storage.Save(new Settings(2)));
            Assert.AreEqual(1, storage.NewestSlot);
            Assert.AreEqual(4u, storage.Sequence);
        }

        [TestMethod]
        public static void TruncatedRecordFallsBackToTheOlderRecord()
        {
            FallsBack(Damage.Truncate, "slot 1 rejected: truncated: 20 bytes");
        }

        [TestMethod]
        public static void ErasedSlotFallsBackToTheOlderRecord()
        {
            FallsBack(Damage.Erase, "slot 1 rejected: erased (all 0xFF)");
        }

        [TestMethod]
        public static void TornWriteFallsBackToTheOlderRecord()
        {
            FallsBack(Damage.Tear, "slot 1 rejected: torn write");
        }

        [TestMethod]
        public static void ReadErrorFallsBackToTheOtherRecord()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            Settings older = SettingsTestData.Distinct();
            Settings newer = SettingsTestData.Distinct();
            newer.Blend = 40;
            storage.Save(older);
            storage.Save(newer);

            flash.FailNextRead(); // slot 0 (the older record) is read first
            MemoryLog log = SettingsTestData.Log();
            var loaded = new Settings(2);
            Assert.IsTrue(SettingsTestData.Storage(flash, log).Load(loaded, SettingsTestData.Limits()));
            SettingsTestData.AssertSame(newer, loaded, "read error on the other slot");
            Assert.IsTrue(log.Contains(LogLevel.Warning, "slot 0 rejected: storage read error"));
        }

        [TestMethod]
        public static void BothSlotsBadGivesDefaultsWithAWarning()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            storage.Save(SettingsTestData.Distinct());
            storage.Save(SettingsTestData.Distinct());
            flash.Corrupt(0, 30, 0x04);
            flash.Corrupt(1, 0, 0xFF);

            MemoryLog log = SettingsTestData.Log();
            Settings loaded = SettingsTestData.Distinct();
            Assert.IsFalse(SettingsTestData.Storage(flash, log).Load(loaded, SettingsTestData.Limits()));
            SettingsTestData.AssertSame(new Settings(2), loaded, "defaults");
            Assert.IsTrue(log.Contains(LogLevel.Warning, "slot 0 rejected: checksum mismatch"));
            Assert.IsTrue(log.Contains(LogLevel.Warning, "slot 1 rejected: foreign record"));
            Assert.IsTrue(log.Contains(LogLevel.Warning, "no valid record: defaults"));
        }

        [TestMethod]
        public static void OutOfRangeValuesInARecordAreClampedWhenLoaded()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            Settings bad = SettingsTestData.Distinct();
            bad.Jacks[0].Range = HeadphoneRange.Normal;
            bad.Jacks[0].UserMaxCentiDb = InterfaceFirmware.Drivers.GainScale.Muted;
            bad.Jacks[0].LevelCentiDb = 1200; // above the normal range's −6.1 dB
            bad.Monitor = (MonitorMode)7;
            bad.Blend = 200;
            storage.Save(bad);

            MemoryLog log = SettingsTestData.Log();
            var loaded = new Settings(2);
            Assert.IsTrue(SettingsTestData.Storage(flash, log).Load(loaded, SettingsTestData.Limits()));
            Assert.AreEqual(-610, loaded.Jacks[0].LevelCentiDb);
            Assert.AreEqual((int)MonitorMode.Stereo, (int)loaded.Monitor);
            Assert.AreEqual(Settings.BlendPositions, loaded.Blend);
            Assert.AreEqual(bad.Jacks[1].LevelCentiDb, loaded.Jacks[1].LevelCentiDb, "sane values are kept");
            Assert.IsTrue(log.Contains(LogLevel.Warning, "saved jack 0: level +12.0 dB above the range's maximum -6.1 dB"));
            Assert.IsTrue(log.Contains(LogLevel.Warning, "saved monitor mode 7 unknown"));
            Assert.IsTrue(log.Contains(LogLevel.Warning, "saved blend 200 outside 0..64"));
        }

        private enum Damage
        {
            FlipABit,
            Foreign,
            FutureVersion,
            Truncate,
            Erase,
            Tear,
        }

        // Slot 0 holds an older good record, slot 1 the newer one, which is then damaged: the load
        // must come back with the older record and log why.
        private static SettingsFlash FallsBack(Damage damage, string reason)
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsStorage storage = SettingsTestData.Storage(flash, SettingsTestData.Log());
            Settings older = SettingsTestData.Distinct();
            Settings newer = SettingsTestData.Distinct();
            newer.Jacks[0].LevelCentiDb -= 500;
            newer.Blend = 40;
            Assert.IsTrue(storage.Save(older));
            Assert.IsTrue(storage.Save(newer));
            Assert.AreEqual(1, storage.NewestSlot);

            var bytes = new byte[128];
            int length = storage.Record.Write(newer, 2, bytes);
            switch (damage)
            {
                case Damage.FlipABit:
                    flash.Corrupt(1, 20, 0x08);
                    break;
                case Damage.Foreign:
                    byte[] text = new byte[length];
                    for (int i = 0; i < length; i++)
                    {
                        text[i] = (byte)('a' + (i % 26)); // another program's data
                    }

                    flash.Write(1, text, 0, length);
                    break;
                case Damage.FutureVersion:
                    SettingsLayout next = SettingsLayout.Current().Add(5, SettingsField.Blend, 2);
                    int futureLength = new SettingsRecord(next, 2).Write(newer, 3, bytes);
                    flash.Write(1, bytes, 0, futureLength);
                    break;
                case Damage.Truncate:
                    flash.Write(1, bytes, 0, 20);
                    break;
                case Damage.Erase:
                    for (int i = 0; i < length; i++)
                    {
                        bytes[i] = 0xFF;
                    }

                    flash.Write(1, bytes, 0, length);
                    break;
                case Damage.Tear:
                    flash.CutPowerDuringNextWrite(length / 2);
                    flash.Write(1, bytes, 0, length);
                    break;
            }

            MemoryLog log = SettingsTestData.Log();
            var loaded = new Settings(2);
            SettingsStorage rebooted = SettingsTestData.Storage(flash, log);
            Assert.IsTrue(rebooted.Load(loaded, SettingsTestData.Limits()), "the older record is good");
            SettingsTestData.AssertSame(older, loaded, damage.ToString());
            Assert.AreEqual(0, rebooted.NewestSlot);
            Assert.IsTrue(log.Contains(LogLevel.Warning, reason), "logged: " + reason);
            Assert.IsTrue(log.Contains(LogLevel.Info, "loaded record 1 from slot 0"));
            return flash;
        }
    }
}
