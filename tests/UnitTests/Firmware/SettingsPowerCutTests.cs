using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Persistence;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class SettingsPowerCutTests
    {
        private const int Seed = 20260610;
        private const int Cuts = 1000;

        /// <summary>
        /// Boot, load, save a few times, lose power in the middle of the next save (a random number
        /// of its bytes landed, the rest erased flash), boot again … 1000 times on the emulator's
        /// torn-write flash. After every cut the settings loaded are exactly the last save that
        /// completed — or the cut one if every byte of it had landed — never garbage and never the
        /// defaults once a save has completed.
        /// </summary>
        [TestMethod]
        public static void ThousandPowerCutsDuringSavesNeverLoseTheLastCompletedSave()
        {
            var random = new DeterministicRandom(Seed);
            SettingsFlash flash = SettingsTestData.Flash();
            var record = new SettingsRecord(SettingsLayout.Current(), SettingsTestData.Jacks);
            var lastCompleted = new Settings(SettingsTestData.Jacks); // a first boot's defaults
            var next = new Settings(SettingsTestData.Jacks);
            var loaded = new Settings(SettingsTestData.Jacks);
            bool anyCompleted = false;
            int completedSaves = 0;
            int landedWhole = 0;
            int landedNothing = 0;
            for (int cut = 0; cut <= Cuts; cut++)
            {
                string where = "seed " + Seed.ToString() + ", after cut " + cut.ToString();
                var storage = new SettingsStorage(flash, record, null);
                Assert.AreEqual(anyCompleted, storage.Load(loaded, null), where + ": a good save exists");
                SettingsTestData.AssertSame(lastCompleted, loaded, where);
                if (cut == Cuts)
                {
                    break;
                }

                for (int n = random.Next(3); n > 0; n--)
                {
                    SettingsTestData.Randomize(next, random);
                    Assert.IsTrue(storage.Save(next), where + ": a save without a cut");
                    lastCompleted.CopyFrom(next);
                    anyCompleted = true;
                    completedSaves++;
                }

                SettingsTestData.Randomize(next, random);
                int landed = random.Next(record.Length + 1);
                flash.CutPowerDuringNextWrite(landed);
                Assert.IsFalse(storage.Save(next), where + ": the cut save reports failure");
                if (landed == record.Length)
                {
                    // every byte reached the flash before the power went: that record is complete
                    lastCompleted.CopyFrom(next);
                    anyCompleted = true;
                    landedWhole++;
                }
                else if (landed == 0)
                {
                    landedNothing++;
                }
            }

            Assert.IsTrue(flash.PowerCutHappened);
            Assert.IsTrue(completedSaves > Cuts / 2, "saves completed between the cuts: " + completedSaves.ToString());
            Assert.IsTrue(landedWhole > 0 && landedNothing > 0, "the cuts cover both ends of a write");
            OutputHelper.WriteLine("power cuts: " + Cuts.ToString() + " (seed " + Seed.ToString() + "), completed saves " + completedSaves.ToString()
                + ", cut after the last byte " + landedWhole.ToString() + ", before the first " + landedNothing.ToString());
        }
    }
}
