using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class VirtualI2cBusTests
    {
        private static readonly byte[] VolumeWrite = { 2, 0x20 };

        [TestMethod]
        public static void EveryTransactionIsLoggedAndExportsAsCsv()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            bus.Attach(new Tpa6130a2Model());
            bus.Attach(new Wm8960Model());
            clock.AdvanceUs(12500);
            bus.Write(0x1A, new byte[] { 0x0A, 0x00 }, 0, 2);
            bus.WriteRead(0x60, new byte[] { 4 }, 0, 1, new byte[1], 0, 1);
            bus.Read(0x33, new byte[2], 0, 2);

            string[] lines = bus.ExportCsv().Split(new char[] { '\n' });
            Assert.AreEqual("time_ms,device,address,op,data,status", lines[0]);
            Assert.AreEqual("12.500,WM8960,0x1A,write,0x0A 0x00,ok", lines[1]);
            Assert.AreEqual("12.500,TPA6130A2,0x60,write_read,0x04 | 0x02,ok", lines[2]);
            Assert.AreEqual("12.500,?,0x33,read,0x00 0x00,nack_address", lines[3]);
            Assert.AreEqual(3, bus.TransactionCount);
        }

        [TestMethod]
        public static void AnAbsentDeviceNacksItsAddress()
        {
            var bus = new VirtualI2cBus(new VirtualClock(), 1);
            var amplifier = new Tpa6130a2Model();
            bus.Attach(amplifier);
            bus.FaultsAt(0x60).Absent = true;

            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)bus.Write(0x60, VolumeWrite, 0, 2));
            Assert.AreEqual(0xC0, amplifier.Register(2), "the chip never saw the bytes");
        }

        [TestMethod]
        public static void NacksCanBeConfinedToATimeWindow()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            bus.Attach(new Tpa6130a2Model());
            I2cFaultPlan plan = bus.FaultsAt(0x60);
            plan.NackFromUs = 10000;
            plan.NackUntilUs = 20000;

            Assert.AreEqual((int)I2cStatus.Ok, (int)bus.Write(0x60, VolumeWrite, 0, 2));
            clock.AdvanceMs(10);
            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)bus.Write(0x60, VolumeWrite, 0, 2));
            clock.AdvanceMs(10);
            Assert.AreEqual((int)I2cStatus.Ok, (int)bus.Write(0x60, VolumeWrite, 0, 2));
        }

        [TestMethod]
        public static void NacksWithAProbabilityAreRepeatableForASeed()
        {
            int first = CountNacks(42);
            int second = CountNacks(42);
            Assert.AreEqual(first, second);
            Assert.IsTrue(first > 150 && first < 250, "about 20 % of 1000: " + first.ToString());
        }

        private static int CountNacks(int seed)
        {
            var bus = new VirtualI2cBus(new VirtualClock(), seed);
            bus.Attach(new Tpa6130a2Model());
            bus.FaultsAt(0x60).NackProbability = 0.2;
            int nacks = 0;
            for (int i = 0; i < 1000; i++)
            {
                if (bus.Write(0x60, VolumeWrite, 0, 2) != I2cStatus.Ok)
                {
                    nacks++;
                }
            }

            return nacks;
        }

        [TestMethod]
        public static void AStuckBusTimesEverythingOut()
        {
            var bus = new VirtualI2cBus(new VirtualClock(), 1);
            bus.Attach(new Tpa6130a2Model());
            bus.Stuck = true;
            Assert.AreEqual((int)I2cStatus.BusTimeout, (int)bus.Write(0x60, VolumeWrite, 0, 2));
            bus.Stuck = false;
            Assert.AreEqual((int)I2cStatus.Ok, (int)bus.Write(0x60, VolumeWrite, 0, 2));
        }

        [TestMethod]
        public static void ABrownOutPutsAChipBackToItsResetValues()
        {
            var bus = new VirtualI2cBus(new VirtualClock(), 1);
            var amplifier = new Tpa6130a2Model();
            bus.Attach(amplifier);
            bus.Write(0x60, VolumeWrite, 0, 2);
            Assert.AreEqual(0x20, amplifier.Register(2));

            amplifier.BrownOut();
            Assert.AreEqual(0xC0, amplifier.Register(2));
        }

        [TestMethod]
        public static void RedundantWritesAreCountedAcrossTheBus()
        {
            var bus = new VirtualI2cBus(new VirtualClock(), 1);
            bus.Attach(new Tpa6130a2Model());
            bus.Attach(new Wm8960Model());
            bus.Write(0x60, VolumeWrite, 0, 2);
            bus.Write(0x60, VolumeWrite, 0, 2);
            bus.Write(0x1A, new byte[] { 0x0E, 0x0A }, 0, 2); // R7 = its reset value 0x00A
            Assert.AreEqual(2, bus.RedundantWriteCount);
        }
    }
}
