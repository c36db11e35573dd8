using System;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class SettingsFlashTests
    {
        private static int _powerCuts;

        [TestMethod]
        public static void WriteThenReadReturnsTheRecord()
        {
            var flash = new SettingsFlash(2, 16);
            Assert.AreEqual(2, flash.SlotCount);
            Assert.AreEqual(16, flash.MaxRecordSize);

            byte[] buffer = new byte[16];
            Assert.AreEqual(0, flash.Read(0, buffer, 0, buffer.Length), "empty slot");

            byte[] record = new byte[] { 0, 10, 20, 30, 40, 50 };
            Assert.IsTrue(flash.Write(1, record, 1, 4));
            Assert.AreEqual(4, flash.Read(1, buffer, 2, 10));
            Assert.AreEqual((byte)10, buffer[2]);
            Assert.AreEqual((byte)40, buffer[5]);
            Assert.AreEqual((byte)0, buffer[6]);
            Assert.AreEqual(0, flash.Read(0, buffer, 0, buffer.Length), "other slot untouched");

            // a shorter buffer gets a prefix; the return value is still the record's length
            byte[] small = new byte[2];
            Assert.AreEqual(4, flash.Read(1, small, 0, 2));
            Assert.AreEqual((byte)10, small[0]);
            Assert.AreEqual((byte)20, small[1]);

            // a write replaces the whole record
            Assert.IsTrue(flash.Write(1, new byte[] { 7, 8 }, 0, 2));
            Assert.AreEqual(2, flash.Read(1, buffer, 0, 16));
            Assert.AreEqual((byte)7, buffer[0]);
            Assert.AreEqual((byte)8, buffer[1]);
        }

        [TestMethod]
        public static void OversizedWriteIsAnErrorAndChangesNothing()
        {
            var flash = new SettingsFlash(1, 4);
            Assert.IsTrue(flash.Write(0, new byte[] { 1, 2, 3 }, 0, 3));
            Assert.IsFalse(flash.Write(0, new byte[5], 0, 5));

            byte[] buffer = new byte[4];
            Assert.AreEqual(3, flash.Read(0, buffer, 0, 4));
            Assert.AreEqual((byte)3, buffer[2]);
            Assert.AreEqual(1, flash.TotalWrites);
        }

        [TestMethod]
        public static void PowerCutTearsTheWrite()
        {
            var flash = new SettingsFlash(2, 8);
            _powerCuts = 0;
            flash.PowerCut += CountPowerCut;
            Assert.IsTrue(flash.Write(0, new byte[] { 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11 }, 0, 8));

            flash.CutPowerDuringNextWrite(3);
            Assert.IsFalse(flash.PowerCutHappened);
            Assert.AreEqual(0, _powerCuts);
            Assert.IsFalse(flash.Write(0, new byte[] { 1, 2, 3, 4, 5, 6 }, 0, 6));
            Assert.IsTrue(flash.PowerCutHappened);
            Assert.AreEqual(1, _powerCuts);

            // the board restarts with the same flash: the torn record is what it reads
            byte[] buffer = new byte[8];
            Assert.AreEqual(6, flash.Read(0, buffer, 0, 8));
            Assert.AreEqual((byte)1, buffer[0]);
            Assert.AreEqual((byte)2, buffer[1]);
            Assert.AreEqual((byte)3, buffer[2]);
            Assert.AreEqual((byte)0xFF, buffer[3]);
            Assert.AreEqual((byte)0xFF, buffer[4]);
            Assert.AreEqual((byte)0xFF, buffer[5]);
            Assert.AreEqual(6, flash.Read(0, buffer, 0, 8), "still torn on a second read");
            Assert.AreEqual(2, flash.WriteCount(0));

            // the cut happens once
            Assert.IsTrue(flash.Write(0, new byte[] { 9, 9 }, 0, 2));
            Assert.AreEqual(1, _powerCuts);
            Assert.AreEqual(2, flash.Read(0, buffer, 0, 8));
            Assert.AreEqual((byte)9, buffer[1]);
        }

        [TestMethod]
        public static void PowerCutBeforeAnyByteLeavesAnErasedRecord()
        {
            var flash = new SettingsFlash(1, 8);
            flash.CutPowerDuringNextWrite(0);
            Assert.IsFalse(flash.Write(0, new byte[] { 1, 2, 3, 4 }, 0, 4));

            byte[] buffer = new byte[8];
            Assert.AreEqual(4, flash.Read(0, buffer, 0, 8));
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual((byte)0xFF, buffer[i]);
            }

            Assert.AreEqual(0L, flash.BytesWritten);
        }

        [TestMethod]
        public static void InjectedIoErrorsChangeNothing()
        {
            var flash = new SettingsFlash(1, 8);
            Assert.IsTrue(flash.Write(0, new byte[] { 5, 6, 7 }, 0, 3));
            byte[] buffer = new byte[8];

            flash.FailNextRead();
            Assert.AreEqual(-1, flash.Read(0, buffer, 0, 8));
            Assert.AreEqual((byte)0, buffer[0]);
            Assert.AreEqual(3, flash.Read(0, buffer, 0, 8), "one failure only");

            flash.FailNextWrite();
            Assert.IsFalse(flash.Write(0, new byte[] { 1 }, 0, 1));
            Assert.AreEqual(3, flash.Read(0, buffer, 0, 8));
            Assert.AreEqual((byte)5, buffer[0]);
            Assert.AreEqual(1, flash.WriteCount(0));
            Assert.IsFalse(flash.PowerCutHappened);
            Assert.IsTrue(flash.Write(0, new byte[] { 1 }, 0, 1));
        }

        [TestMethod]
        public static void WearIsCounted()
        {
            var flash = new SettingsFlash(3, 8);
            flash.Write(0, new byte[8], 0, 8);
            flash.Write(0, new byte[8], 0, 5);
            flash.Write(2, new byte[8], 0, 1);

            Assert.AreEqual(2, flash.WriteCount(0));
            Assert.AreEqual(0, flash.WriteCount(1));
            Assert.AreEqual(1, flash.WriteCount(2));
            Assert.AreEqual(3, flash.TotalWrites);
            Assert.AreEqual(14L, flash.BytesWritten);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => flash.WriteCount(3));
        }

        [TestMethod]
        public static void CorruptAndEraseChangeTheStoredRecord()
        {
            var flash = new SettingsFlash(1, 8);
            flash.Write(0, new byte[] { 0x0F, 0x10 }, 0, 2);
            flash.Corrupt(0, 1, 0x81);

            byte[] buffer = new byte[8];
            Assert.AreEqual(2, flash.Read(0, buffer, 0, 8));
            Assert.AreEqual((byte)0x0F, buffer[0]);
            Assert.AreEqual((byte)0x91, buffer[1]);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => flash.Corrupt(0, 2, 1));

            flash.Erase(0);
            Assert.AreEqual(0, flash.Read(0, buffer, 0, 8));
            Assert.AreEqual(1, flash.TotalWrites);
        }

        private static void CountPowerCut()
        {
            _powerCuts++;
        }
    }
}
