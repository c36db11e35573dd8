using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Boot;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    [TestClass]
    public class ChipPresenceTests
    {
        [TestMethod]
        public static void AnsweringAmplifierIsReportedPresent()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            bus.Attach(new Tpa6130a2Model());
            var log = new MemoryLog(clock);

            Assert.IsTrue(ChipPresence.CheckAmplifier(new Tpa6130a2Amplifier(bus, Tpa6130a2Amplifier.DefaultAddress, null, null), log));
            Assert.IsTrue(log.Contains(LogLevel.Info, "TPA6130A2 revision 2"));
        }

        [TestMethod]
        public static void SilentAmplifierIsLoggedAsAnError()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            var log = new MemoryLog(clock);

            Assert.IsFalse(ChipPresence.CheckAmplifier(new Tpa6130a2Amplifier(bus, Tpa6130a2Amplifier.DefaultAddress, null, null), log));
            Assert.AreEqual(1, log.CountAtLeast(LogLevel.Error));
        }
    }
}
