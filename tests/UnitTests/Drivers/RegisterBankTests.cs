using InterfaceFirmware.Drivers;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The register cache and the bank in front of the bus: no write that changes nothing, cache-only
    /// while unpowered, exactly the non-default registers after a reset, latched pairs, bounded
    /// retries. Driven against a recording bus so every transaction is visible.
    /// </summary>
    [TestClass]
    public class RegisterBankTests
    {
        private static readonly int[] Defaults = { 0x10, 0x20, 0x30, 0x40 };

        [TestMethod]
        public static void AWriteThatChangesNothingNeverReachesTheBus()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            Assert.IsTrue(bank.Write(1, 0x20));
            Assert.IsTrue(bank.Update(2, 0x0F, 0x00));
            Assert.AreEqual(0, bus.Writes);

            Assert.IsTrue(bank.Update(2, 0x0F, 0x05));
            Assert.AreEqual(1, bus.Writes);
            Assert.AreEqual(0x35, bank.Get(2));
            Assert.IsTrue(bank.Write(2, 0x35));
            Assert.AreEqual(1, bus.Writes);
        }

        [TestMethod]
        public static void CacheOnlyKeepsChangesUntilTheFlush()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            bank.CacheOnly = true;
            bank.Write(0, 0x11);
            bank.Write(3, 0x44);
            bank.Write(3, 0x40); // back to what the chip holds: nothing left to write
            Assert.AreEqual(0, bus.Writes);
            Assert.AreEqual(1, bank.Flush(10), "one register still to write while cache-only");

            bank.CacheOnly = false;
            Assert.AreEqual(0, bank.Flush(10));
            Assert.AreEqual(1, bus.Writes);
            Assert.AreEqual(0x00 * 0x100 + 0x11, bus.Last);
        }

        [TestMethod]
        public static void AfterAResetExactlyTheNonDefaultRegistersAreDirty()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            bank.Write(1, 0x21);
            bank.Write(2, 0x31);
            bank.Write(2, 0x30); // set, then back to the default
            int before = bus.Writes;

            bank.Cache.ChipWasReset();
            Assert.AreEqual(0, bank.Flush(10));
            Assert.AreEqual(before + 1, bus.Writes, "only register 1 differs from its default");
            Assert.AreEqual(0x01 * 0x100 + 0x21, bus.Last);
        }

        [TestMethod]
        public static void FlushIsBoundedPerCall()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            bank.CacheOnly = true;
            for (int i = 0; i < 4; i++)
            {
                bank.Write(i, i);
            }

            bank.CacheOnly = false;
            Assert.AreEqual(2, bank.Flush(2));
            Assert.AreEqual(0, bank.Flush(2));
            Assert.AreEqual(4, bus.Writes);
        }

        [TestMethod]
        public static void ALatchedPairWritesLeftStoredThenRightWithTheLatch()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            const int Latch = 0x100;

            Assert.IsTrue(bank.WritePair(0, 1, 0x05, 0x06, Latch));
            Assert.AreEqual(2, bus.Writes, "both changed");
            Assert.AreEqual(0x05, bank.Get(0), "left without the latch");
            Assert.AreEqual(0x106, bank.Get(1), "right with it");

            Assert.IsTrue(bank.WritePair(0, 1, 0x07, 0x06, Latch));
            Assert.AreEqual(3, bus.Writes, "left only");
            Assert.AreEqual(0x107, bank.Get(0));

            Assert.IsTrue(bank.WritePair(0, 1, 0x07, 0x06, Latch));
            Assert.AreEqual(3, bus.Writes, "nothing changed (the latch bit is not a change)");

            Assert.IsTrue(bank.WritePair(0, 1, 0x07, 0x08, Latch));
            Assert.AreEqual(4, bus.Writes, "right only");
        }

        [TestMethod]
        public static void AFailingBusIsRetriedThenReportedAndTheRegisterStaysDirty()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            bus.FailNext = 2;
            Assert.IsTrue(bank.Write(0, 0x99), "two failures, the third attempt gets through");
            Assert.AreEqual(2, bank.Port.FailedTransactions);

            bus.FailNext = 3;
            Assert.IsFalse(bank.Write(1, 0x98));
            Assert.AreEqual(5, bank.Port.FailedTransactions);
            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)bank.Port.LastStatus);
            Assert.IsTrue(bank.Cache.IsDirty(1), "kept for a later flush");
            Assert.AreEqual(0, bank.Flush(10));
            Assert.AreEqual(0x01 * 0x100 + 0x98, bus.Last);
        }

        [TestMethod]
        public static void ALatchBitIsNotStateAndAFlushAppliesWhatItRestores()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            const int Latch = 0x80;
            bank.Cache.SetLatch(0, Latch);
            bank.Cache.SetLatch(1, Latch);

            // Both sides changed (left stored, right with the latch), then, cache-only, the right
            // side went back: a flush that wrote the left side alone without its latch would leave
            // it in the chip's holding latch, never applied.
            Assert.IsTrue(bank.WritePair(0, 1, 0x05, 0x06, Latch));
            bank.CacheOnly = true;
            bank.WritePair(0, 1, 0x07, 0x08, Latch);
            bank.WritePair(0, 1, 0x07, 0x06, Latch);
            bank.CacheOnly = false;
            int before = bus.Writes;
            Assert.AreEqual(0, bank.Flush(10));
            Assert.AreEqual(before + 1, bus.Writes);
            Assert.AreEqual(0x00 * 0x100 + (0x07 | Latch), bus.Last, "written with its latch: applied");

            // A register that differs from the chip only in its latch bit is not dirty.
            bank.Cache.ChipWasReset();
            bank.Cache.Set(1, Defaults[1] | Latch);
            Assert.IsFalse(bank.Cache.IsDirty(1));
        }

        [TestMethod]
        public static void MarkChipHoldsLearnsFromAReadBack()
        {
            var bus = new RecordingBus();
            RegisterBank bank = NewBank(bus);
            bank.Cache.Set(2, 0x33);
            bank.Cache.MarkChipHolds(2, 0x33);
            Assert.IsFalse(bank.Cache.IsDirty(2));
            bank.Cache.MarkChipHolds(2, 0x30);
            Assert.IsTrue(bank.Cache.IsDirty(2));
        }

        [TestMethod]
        public static void ABlockReadOnAPortWithoutOneFailsAtOnceWithoutTraffic()
        {
            var bus = new RecordingBus();
            var port = new ByteRegisterPort(bus, 0x42);
            var values = new byte[3];
            Assert.IsFalse(new RegisterBank(port, Defaults).ReadChipBlock(1, values, 3));
            Assert.AreEqual(0, bus.WriteReads);
            Assert.AreEqual(0, port.FailedTransactions, "not a chip's failure");

            var blocks = new ByteRegisterPort(bus, 0x42, true);
            Assert.IsFalse(blocks.ReadBlock(1, values, 3), "this bus NACKs");
            Assert.AreEqual(RegisterPort.Attempts, bus.WriteReads, "retried as a single read is");
        }

        private static RegisterBank NewBank(RecordingBus bus)
        {
            return new RegisterBank(new ByteRegisterPort(bus, 0x42), Defaults);
        }

        /// <summary>A bus that records 2-byte writes (register · 0x100 + value) and can fail on demand.</summary>
        private sealed class RecordingBus : II2cBus
        {
            public int Writes;
            public int Last = -1;
            public int FailNext;
            public int WriteReads;

            public I2cStatus Write(int address, byte[] buffer, int offset, int count)
            {
                if (FailNext > 0)
                {
                    FailNext--;
                    return I2cStatus.AddressNotAcknowledged;
                }

                Writes++;
                Last = buffer[offset] * 0x100 + buffer[offset + 1];
                return I2cStatus.Ok;
            }

            public I2cStatus Read(int address, byte[] buffer, int offset, int count)
            {
                return I2cStatus.AddressNotAcknowledged;
            }

            public I2cStatus WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
            {
                WriteReads++;
                return I2cStatus.AddressNotAcknowledged;
            }
        }
    }
}
