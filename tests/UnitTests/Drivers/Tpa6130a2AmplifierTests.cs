using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Drivers
{
    [TestClass]
    public class Tpa6130a2AmplifierTests
    {
        [TestMethod]
        public static void ReadRevision_ReturnsTheChipsRevision()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            bus.Attach(new Tpa6130a2Model());
            var amplifier = new Tpa6130a2Amplifier(bus, Tpa6130a2Amplifier.DefaultAddress);

            Assert.AreEqual(2, amplifier.ReadRevision());

            var transaction = (I2cTransaction)bus.Log[0];
            Assert.AreEqual((int)I2cOperation.WriteRead, (int)transaction.Operation);
            Assert.AreEqual(4, (int)transaction.Written[0]);
        }

        [TestMethod]
        public static void ReadRevision_IsMinusOneWhenTheChipDoesNotAnswer()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            var model = new Tpa6130a2Model();
            bus.Attach(model);
            bus.FaultsAt(model.Address).Absent = true;
            var amplifier = new Tpa6130a2Amplifier(bus, Tpa6130a2Amplifier.DefaultAddress);

            Assert.AreEqual(-1, amplifier.ReadRevision());
            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)((I2cTransaction)bus.Log[0]).Status);
        }
    }
}
