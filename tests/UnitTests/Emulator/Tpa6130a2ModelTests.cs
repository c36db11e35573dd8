using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class Tpa6130a2ModelTests
    {
        private static VirtualI2cBus NewBus(Tpa6130a2Model amplifier)
        {
            var bus = new VirtualI2cBus(new VirtualClock(), 3);
            bus.Attach(amplifier);
            return bus;
        }

        private static int ReadRegister(VirtualI2cBus bus, int register)
        {
            var pointer = new byte[] { (byte)register };
            var value = new byte[1];
            Assert.AreEqual((int)I2cStatus.Ok, (int)bus.WriteRead(0x60, pointer, 0, 1, value, 0, 1));
            return value[0];
        }

        [TestMethod]
        public static void PowerOnValuesAreTheDatasheets()
        {
            var amplifier = new Tpa6130a2Model();
            VirtualI2cBus bus = NewBus(amplifier);

            Assert.AreEqual(0x00, ReadRegister(bus, 1), "SWS off, charge pump on, outputs disabled, stereo");
            Assert.AreEqual(0xC0, ReadRegister(bus, 2), "both channels muted at −59.5 dB");
            Assert.AreEqual(0x00, ReadRegister(bus, 3));
            Assert.AreEqual(0x02, ReadRegister(bus, 4), "revision 2");
        }

        [TestMethod]
        public static void MultiByteWritesAndReadsIncrementTheRegister()
        {
            var amplifier = new Tpa6130a2Model();
            VirtualI2cBus bus = NewBus(amplifier);
            var write = new byte[] { 1, 0xC0, 0x3A, 0x01 };
            Assert.AreEqual((int)I2cStatus.Ok, (int)bus.Write(0x60, write, 0, 4));

            var pointer = new byte[] { 1 };
            var values = new byte[4];
            Assert.AreEqual((int)I2cStatus.Ok, (int)bus.WriteRead(0x60, pointer, 0, 1, values, 0, 4));
            Assert.AreEqual(0xC0, (int)values[0]);
            Assert.AreEqual(0x3A, (int)values[1]);
            Assert.AreEqual(0x01, (int)values[2]);
            Assert.AreEqual(0x02, (int)values[3]);
        }

        [TestMethod]
        public static void VersionAndThermalBitsAreReadOnly()
        {
            var amplifier = new Tpa6130a2Model();
            VirtualI2cBus bus = NewBus(amplifier);
            bus.Write(0x60, new byte[] { 4, 0x07 }, 0, 2);
            bus.Write(0x60, new byte[] { 1, 0x02 }, 0, 2);

            Assert.AreEqual(0x02, ReadRegister(bus, 4));
            Assert.AreEqual(0x00, ReadRegister(bus, 1));
            Assert.AreEqual(1, amplifier.ProtocolErrors.Count, "writing the version register is reported");
        }

        [TestMethod]
        public static void GainTableHasTheDatasheetsEntries()
        {
            // TI SLOS488 Table "Volume control" (typical). 0x1F is not legible in the stored copy of the
            // table; −11.6 dB is interpolated between −12.3 and −10.9.
            Assert.AreEqual(-5950, Tpa6130a2Model.GainCentiDb[0x00]);
            Assert.AreEqual(-3650, Tpa6130a2Model.GainCentiDb[0x08]);
            Assert.AreEqual(-1230, Tpa6130a2Model.GainCentiDb[0x1E]);
            Assert.AreEqual(-1160, Tpa6130a2Model.GainCentiDb[0x1F]);
            Assert.AreEqual(-1090, Tpa6130a2Model.GainCentiDb[0x20]);
            Assert.AreEqual(10, Tpa6130a2Model.GainCentiDb[0x35]);
            Assert.AreEqual(400, Tpa6130a2Model.GainCentiDb[0x3F]);
            for (int code = 1; code < 64; code++)
            {
                Assert.IsTrue(Tpa6130a2Model.GainCentiDb[code] > Tpa6130a2Model.GainCentiDb[code - 1], "monotonic at " + code.ToString());
            }
        }

        [TestMethod]
        public static void MuteShutdownAndHighImpedanceSilenceTheirChannels()
        {
            var amplifier = new Tpa6130a2Model();
            VirtualI2cBus bus = NewBus(amplifier);
            Assert.IsFalse(amplifier.OutputActive(true), "outputs disabled at power-on");

            bus.Write(0x60, new byte[] { 1, 0xC0 }, 0, 2);            // both enabled
            bus.Write(0x60, new byte[] { 2, 0x80 | 0x35 }, 0, 2);     // left muted, +0.1 dB
            Assert.AreEqual(int.MinValue, amplifier.GainCentiDbFor(true));
            Assert.AreEqual(10, amplifier.GainCentiDbFor(false));

            bus.Write(0x60, new byte[] { 3, 0x01 }, 0, 2);            // right HiZ
            Assert.IsFalse(amplifier.OutputActive(false));

            bus.Write(0x60, new byte[] { 3, 0x00 }, 0, 2);
            bus.Write(0x60, new byte[] { 1, 0xC1 }, 0, 2);            // software shutdown
            Assert.IsFalse(amplifier.OutputActive(false));
        }

        [TestMethod]
        public static void ThermalFlagIsSetByShutdownAndClearedByAReadAfterCooling()
        {
            var amplifier = new Tpa6130a2Model();
            VirtualI2cBus bus = NewBus(amplifier);
            bus.Write(0x60, new byte[] { 1, 0xC0 }, 0, 2);

            amplifier.SetThermalOverload(true);
            Assert.IsFalse(amplifier.OutputActive(true), "outputs off while hot");
            Assert.AreEqual(0xC2, ReadRegister(bus, 1));
            Assert.AreEqual(0xC2, ReadRegister(bus, 1), "still hot: the flag stays");

            amplifier.SetThermalOverload(false);
            Assert.IsTrue(amplifier.OutputActive(true), "restarts by itself when cool");
            Assert.AreEqual(0xC2, ReadRegister(bus, 1), "the flag reports the shutdown that occurred");
            Assert.AreEqual(0xC0, ReadRegister(bus, 1), "clear-on-read once cool");
        }

        [TestMethod]
        public static void UnpoweredAmplifierAnswersNothingAndComesBackFromReset()
        {
            var amplifier = new Tpa6130a2Model();
            VirtualI2cBus bus = NewBus(amplifier);
            bus.Write(0x60, new byte[] { 2, 0x20 }, 0, 2);

            amplifier.SetPowered(false);
            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)bus.Write(0x60, new byte[] { 2, 0x21 }, 0, 2));

            amplifier.SetPowered(true);
            Assert.AreEqual(0xC0, ReadRegister(bus, 2));
        }

        [TestMethod]
        public static void AmplifiesItsAcCoupledInputByTheTableGain()
        {
            var amplifier = new Tpa6130a2Model();
            VirtualI2cBus bus = NewBus(amplifier);
            bus.Write(0x60, new byte[] { 1, 0xC0 }, 0, 2);
            bus.Write(0x60, new byte[] { 2, 0x30 }, 0, 2);            // −2.1 dB, un-muted

            var pin = new OutputPin();
            pin.ResistanceOhms = 0.1;
            var sine = SineSource.AtDbfs(1000, -10);
            var left = new double[AudioEngine.BlockFrames];
            var right = new double[AudioEngine.BlockFrames];
            double sum = 0;
            int measured = 0;
            for (long n = 0; n < 48000; n += 48)
            {
                sine.Fill(pin.Voltage, 0, 48, n);
                for (int i = 0; i < 48; i++)
                {
                    pin.Voltage[i] += 1.17; // riding on the codec's VMID: the input capacitor blocks it
                }

                amplifier.Process(pin, pin, left, right, 48, AudioEngine.TimeOfSampleUs(n));
                if (n >= 24000)
                {
                    for (int i = 0; i < 48; i++)
                    {
                        sum += left[i] * left[i];
                    }

                    measured += 48;
                }
            }

            double levelDb = Decibels.ToDb(Math.Sqrt(sum / measured) * Math.Sqrt(2.0));
            // the 1 µF / 20 kΩ input high-pass (8 Hz) takes 0.0003 dB at 1 kHz
            Assert.IsTrue(Math.Abs(levelDb - (-12.1)) < 0.05, levelDb.ToString());
        }
    }
}
