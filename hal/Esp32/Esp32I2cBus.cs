using System;
using System.Device.I2c;
using InterfaceFirmware.Hal;
using nanoFramework.Hardware.Esp32;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// An ESP32 I2C controller as an <see cref="II2cBus"/>. nanoFramework opens one
    /// <see cref="I2cDevice"/> per address, so the devices the board needs are opened once, here,
    /// and a transaction costs no allocation (<see cref="SpanByte"/> is a stack-only view).
    /// </summary>
    public sealed class Esp32I2cBus : II2cBus, IDisposable
    {
        private const int AddressCount = 128;
        private readonly I2cDevice[] _devices = new I2cDevice[AddressCount];

        /// <param name="busId">1 or 2 (the ESP32 has two I2C controllers).</param>
        /// <param name="dataPin">GPIO for SDA.</param>
        /// <param name="clockPin">GPIO for SCL.</param>
        /// <param name="addresses">7-bit addresses of the chips on the bus.</param>
        /// <param name="fastMode">400 kHz (true) or 100 kHz.</param>
        public Esp32I2cBus(int busId, int dataPin, int clockPin, int[] addresses, bool fastMode)
        {
            Configuration.SetPinFunction(dataPin, busId == 1 ? DeviceFunction.I2C1_DATA : DeviceFunction.I2C2_DATA);
            Configuration.SetPinFunction(clockPin, busId == 1 ? DeviceFunction.I2C1_CLOCK : DeviceFunction.I2C2_CLOCK);
            I2cBusSpeed speed = fastMode ? I2cBusSpeed.FastMode : I2cBusSpeed.StandardMode;
            for (int i = 0; i < addresses.Length; i++)
            {
                int address = addresses[i] & 0x7F;
                _devices[address] = I2cDevice.Create(new I2cConnectionSettings(busId, address, speed));
            }
        }

        public I2cStatus Write(int address, byte[] buffer, int offset, int count)
        {
            I2cDevice device = DeviceAt(address);
            if (device == null)
            {
                return I2cStatus.UnknownError;
            }

            try
            {
                I2cTransferResult result = device.Write(new SpanByte(buffer, offset, count));
                return ToStatus(result, count);
            }
            catch (Exception)
            {
                // The native driver reports some controller errors by throwing; to the firmware it is a failed transfer.
                return I2cStatus.UnknownError;
            }
        }

        public I2cStatus Read(int address, byte[] buffer, int offset, int count)
        {
            I2cDevice device = DeviceAt(address);
            if (device == null)
            {
                return I2cStatus.UnknownError;
            }

            try
            {
                I2cTransferResult result = device.Read(new SpanByte(buffer, offset, count));
                return ToStatus(result, count);
            }
            catch (Exception)
            {
                return I2cStatus.UnknownError;
            }
        }

        public I2cStatus WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount)
        {
            I2cDevice device = DeviceAt(address);
            if (device == null)
            {
                return I2cStatus.UnknownError;
            }

            try
            {
                I2cTransferResult result = device.WriteRead(new SpanByte(writeBuffer, writeOffset, writeCount),
                    new SpanByte(readBuffer, readOffset, readCount));
                return ToStatus(result, writeCount + readCount);
            }
            catch (Exception)
            {
                return I2cStatus.UnknownError;
            }
        }

        public void Dispose()
        {
            for (int i = 0; i < AddressCount; i++)
            {
                if (_devices[i] != null)
                {
                    _devices[i].Dispose();
                    _devices[i] = null;
                }
            }
        }

        private I2cDevice DeviceAt(int address)
        {
            return address >= 0 && address < AddressCount ? _devices[address] : null;
        }

        private static I2cStatus ToStatus(I2cTransferResult result, int expectedBytes)
        {
            switch (result.Status)
            {
                case I2cTransferStatus.FullTransfer:
                    return result.BytesTransferred >= expectedBytes ? I2cStatus.Ok : I2cStatus.DataNotAcknowledged;
                case I2cTransferStatus.SlaveAddressNotAcknowledged:
                    return I2cStatus.AddressNotAcknowledged;
                case I2cTransferStatus.PartialTransfer:
                    return I2cStatus.DataNotAcknowledged;
                case I2cTransferStatus.ClockStretchTimeout:
                    return I2cStatus.BusTimeout;
                default:
                    return I2cStatus.UnknownError;
            }
        }
    }
}
