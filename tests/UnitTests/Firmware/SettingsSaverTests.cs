using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Persistence;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class SettingsSaverTests
    {
        private const int TickMs = 5;

        [TestMethod]
        public static void NothingChangedNothingWritten()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);

            Run(saver, settings, 0, 60000);
            Assert.AreEqual(0, flash.TotalWrites);
            Assert.IsFalse(saver.Pending);
        }

        [TestMethod]
        public static void OneChangeIsSavedOnceAfterTheDelay()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);
            Run(saver, settings, 0, 1000);

            settings.Jacks[0].LevelCentiDb -= 50;
            Run(saver, settings, 1005, 1000 + SettingsSaver.DefaultSaveDelayMs - TickMs);
            Assert.AreEqual(0, flash.TotalWrites, "not before the delay");
            Assert.IsTrue(saver.Pending);

            // seen at the next check (every 100 ms), saved the delay after that, in a few ticks' parts
            long savedAt = -1;
            long dueBy = 1000 + SettingsSaver.DefaultSaveDelayMs + SettingsSaver.CheckIntervalMs;
            for (long now = 1000 + SettingsSaver.DefaultSaveDelayMs; now <= dueBy + PartsTicks * TickMs; now += TickMs)
            {
                if (saver.Tick(settings, now))
                {
                    savedAt = now;
                }
            }

            Assert.IsTrue(savedAt >= 1000 + SettingsSaver.DefaultSaveDelayMs, "saved at " + savedAt.ToString());
            Assert.AreEqual(1, flash.TotalWrites);

            // the same settings, tick after tick (a held key at its limit): no more writes
            Run(saver, settings, 1000 + SettingsSaver.DefaultSaveDelayMs + SettingsSaver.CheckIntervalMs + TickMs, 60000);
            Assert.AreEqual(1, flash.TotalWrites);
            AssertStored(flash, settings);
        }

        [TestMethod]
        public static void AStormOf200ChangesCostsOneWriteAndSavesTheFinalState()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);
            var random = new DeterministicRandom(10);

            // 200 changes over 10 s: a change every 50 ms, ticks every 5 ms in between
            int changes = 0;
            long now = 0;
            for (; now < 10000; now += TickMs)
            {
                if (now % 50 == 0)
                {
                    Press(settings, random);
                    changes++;
                }

                saver.Tick(settings, now);
            }

            Assert.AreEqual(200, changes);
            Run(saver, settings, now, now + 5000);
            Assert.IsTrue(flash.TotalWrites <= 4, "writes: " + flash.TotalWrites.ToString());
            Assert.AreEqual(1, flash.TotalWrites, "one write, after the storm");
            AssertStored(flash, settings);
        }

        [TestMethod]
        public static void ChangesThatNeverPauseAreStillSavedEveryMaxDelay()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);
            var random = new DeterministicRandom(11);
            int firstWriteMs = -1;
            for (long now = 0; now < 100000; now += TickMs)
            {
                if (now % 1000 == 0)
                {
                    Press(settings, random);
                }

                if (saver.Tick(settings, now) && firstWriteMs < 0)
                {
                    firstWriteMs = (int)now;
                }
            }

            Assert.IsTrue(firstWriteMs >= SettingsSaver.DefaultMaxDelayMs && firstWriteMs <= SettingsSaver.DefaultMaxDelayMs + SettingsSaver.CheckIntervalMs, "the first save waits at most the maximum delay: " + firstWriteMs.ToString());
            Assert.AreEqual(3, flash.TotalWrites, "100 s of changes every second: one save per 30 s");
        }

        [TestMethod]
        public static void AChangeUndoneBeforeTheDelayCostsNothing()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);

            settings.Blend++;
            Run(saver, settings, 0, 1000);
            settings.Blend--;
            Run(saver, settings, 1000, 20000);
            Assert.AreEqual(0, flash.TotalWrites);
            Assert.IsFalse(saver.Pending);
        }

        [TestMethod]
        public static void AFailedWriteIsRetriedAfterTheDelay()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            MemoryLog log = SettingsTestData.Log();
            var saver = new SettingsSaver(SettingsTestData.Storage(flash, log), log);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);

            settings.Monitor = MonitorMode.Off;
            flash.FailNextWrite();
            Run(saver, settings, 0, SettingsSaver.DefaultSaveDelayMs + PartsTicks * TickMs);
            Assert.AreEqual(1, saver.Failures);
            Assert.IsTrue(saver.Pending);
            Assert.IsTrue(log.Contains(InterfaceFirmware.Hal.LogLevel.Warning, "save failed"));

            Run(saver, settings, SettingsSaver.DefaultSaveDelayMs + PartsTicks * TickMs + TickMs, 2 * (SettingsSaver.DefaultSaveDelayMs + PartsTicks * TickMs) + SettingsSaver.CheckIntervalMs);
            Assert.AreEqual(1, saver.Saves);
            Assert.AreEqual(1, saver.Failures, "one retry per delay, not one per tick");
            AssertStored(flash, settings);
        }

        [TestMethod]
        public static void FlushSavesAPendingChangeAtOnce()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);
            Assert.IsFalse(saver.Flush(settings, 0), "nothing to flush");

            settings.BootCapCentiDb -= 100;
            saver.Tick(settings, 5);
            Assert.IsTrue(saver.Flush(settings, 10));
            Assert.AreEqual(1, flash.TotalWrites);
            Run(saver, settings, 15, 10000);
            Assert.AreEqual(1, flash.TotalWrites);
            AssertStored(flash, settings);
        }

        [TestMethod]
        public static void EveryFieldOfTheRecordIsSavedWhenItAloneChanges()
        {
            // The saver compares the settings field by field (Settings.SameAs): a field of the record
            // the comparison left out would never be saved when it alone changed.
            SettingsLayout layout = SettingsLayout.Current();
            int checkedFields = 0;
            for (int i = 0; i < layout.Count; i++)
            {
                SettingsField field = layout.Field(i);
                int jacks = SettingsLayout.IsPerJack(field) ? SettingsTestData.Jacks : 1;
                for (int jack = 0; jack < jacks; jack++)
                {
                    SettingsFlash flash = SettingsTestData.Flash();
                    SettingsSaver saver = Saver(flash);
                    Settings settings = SettingsTestData.Distinct();
                    saver.MarkSaved(settings);
                    Run(saver, settings, 0, 500);

                    int value = SettingsRecord.Get(settings, jack, field);
                    SettingsRecord.Set(settings, jack, field, value ^ 1);
                    Assert.AreNotEqual(value, SettingsRecord.Get(settings, jack, field), "field " + ((int)field).ToString() + " did not change");
                    Run(saver, settings, 500 + TickMs, 500 + SettingsSaver.DefaultSaveDelayMs + 2 * SettingsSaver.CheckIntervalMs);
                    Assert.AreEqual(1, flash.TotalWrites, "field " + ((int)field).ToString() + " of jack " + jack.ToString() + " changed alone: not saved");
                    AssertStored(flash, settings);
                    checkedFields++;
                }
            }

            Assert.IsTrue(checkedFields >= 20, "fields checked: " + checkedFields.ToString());
        }

        [TestMethod]
        public static void ASaveRunsInPartsAndWritesTheSettingsAsTheCheckSawThem()
        {
            // A save is spread over ticks (no tick carries all of it); what it writes is the copy
            // taken at the check that found it due: a change during the parts waits for its own save.
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);
            settings.Blend = 3;
            Run(saver, settings, 0, SettingsSaver.DefaultSaveDelayMs - TickMs);
            Assert.IsFalse(saver.Saving);

            long now = SettingsSaver.DefaultSaveDelayMs;
            Assert.IsFalse(saver.Tick(settings, now), "the check begins the save");
            Assert.IsTrue(saver.Saving);
            Assert.IsTrue(saver.CheckDue(now + TickMs), "each tick does a part");
            var atCheck = new Settings(SettingsTestData.Jacks);
            atCheck.CopyFrom(settings);
            settings.Blend = 5; // while the parts run

            int parts = 0;
            while (!saver.Tick(settings, now += TickMs))
            {
                parts++;
                Assert.IsTrue(parts < 50, "the save never ended");
                Assert.AreEqual(0, flash.TotalWrites, "nothing reaches the store before the last part");
            }

            Assert.IsTrue(parts >= 2 && parts <= PartsTicks, "parts: " + parts.ToString());
            Assert.AreEqual(1, flash.TotalWrites);
            AssertStored(flash, atCheck);

            Run(saver, settings, now + TickMs, now + SettingsSaver.DefaultSaveDelayMs + SettingsSaver.CheckIntervalMs + PartsTicks * TickMs);
            Assert.AreEqual(2, flash.TotalWrites);
            AssertStored(flash, settings);
        }

        [TestMethod]
        public static void FlushDuringASaveInPartsWritesTheLiveSettingsOnce()
        {
            SettingsFlash flash = SettingsTestData.Flash();
            SettingsSaver saver = Saver(flash);
            Settings settings = SettingsTestData.Distinct();
            saver.MarkSaved(settings);
            settings.Blend = 3;
            Run(saver, settings, 0, SettingsSaver.DefaultSaveDelayMs + TickMs);
            Assert.IsTrue(saver.Saving, "a save under way");

            settings.Blend = 4;
            Assert.IsTrue(saver.Flush(settings, SettingsSaver.DefaultSaveDelayMs + 2 * TickMs));
            Assert.IsFalse(saver.Saving, "the save in parts gave way to the flush");
            Run(saver, settings, SettingsSaver.DefaultSaveDelayMs + 3 * TickMs, 20000);
            Assert.AreEqual(1, flash.TotalWrites);
            AssertStored(flash, settings);
        }

        // The most ticks a save's parts take after the check that begins it.
        private const int PartsTicks = 12;

        private static SettingsSaver Saver(SettingsFlash flash)
        {
            return new SettingsSaver(SettingsTestData.Storage(flash, null), null);
        }

        private static void Run(SettingsSaver saver, Settings settings, long fromMs, long toMs)
        {
            for (long now = fromMs; now <= toMs; now += TickMs)
            {
                saver.Tick(settings, now);
            }
        }

        // One key press's worth of change: a volume step, a blend step, or a monitor mode.
        private static void Press(Settings settings, DeterministicRandom random)
        {
            switch (random.Next(3))
            {
                case 0:
                    settings.Jacks[0].LevelCentiDb += random.Chance(0.5) ? 50 : -50;
                    break;
                case 1:
                    settings.Blend = (settings.Blend + 1) % (Settings.BlendPositions + 1);
                    break;
                default:
                    settings.Monitor = (MonitorMode)(((int)settings.Monitor + 1) % 3);
                    break;
            }
        }

        private static void AssertStored(SettingsFlash flash, Settings expected)
        {
            var loaded = new Settings(2);
            Assert.IsTrue(SettingsTestData.Storage(flash, null).Load(loaded, null));
            SettingsTestData.AssertSame(expected, loaded, "stored");
        }
    }
}
