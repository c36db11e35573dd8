// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException.
//
// Package: nanoFramework.System.Device.I2c 1.1.29 (assembly System.Device.I2c), nanoframework/System.Device.I2c main.
// .NET BCL clash: none (System.Device.I2c is not in the BCL; it only clashes if the Iot.Device / System.Device.Gpio NuGet package is also referenced).
//
// RECONSTRUCTED: the main-line (SpanByte) I2cDevice.cs is not in the store. The stored versions are ddf1b47c (old, void Read/Write)
// and 2a716b06 (develop, Span<byte>/ReadOnlySpan<byte>). This file = 2a716b06 with SpanByte for both span types, which matches
// nf-interpreter src/System.Device.I2c/sys_dev_i2c_native.h @7bf68418 (main):
// NativeTransmit___SystemDeviceI2cI2cTransferResult__SystemSpanByte__SystemSpanByte.

namespace System.Device.I2c
{
    internal static class NanoApiDecl_SystemDeviceI2c
    {
        internal static NotImplementedException Fail()
            => new NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/System.Device.I2c System.Device.I2c/I2cDevice.cs (main 1.1.x; reconstructed, see above)
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { throw NanoApiDecl_SystemDeviceI2c.Fail(); }

        public I2cConnectionSettings ConnectionSettings { get => throw NanoApiDecl_SystemDeviceI2c.Fail(); }

        public byte ReadByte() => throw NanoApiDecl_SystemDeviceI2c.Fail();

        public I2cTransferResult Read(SpanByte buffer) => throw NanoApiDecl_SystemDeviceI2c.Fail();

        public I2cTransferResult WriteByte(byte value) => throw NanoApiDecl_SystemDeviceI2c.Fail();

        public I2cTransferResult Write(SpanByte buffer) => throw NanoApiDecl_SystemDeviceI2c.Fail();

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) => throw NanoApiDecl_SystemDeviceI2c.Fail();

        public static I2cDevice Create(I2cConnectionSettings settings) => throw NanoApiDecl_SystemDeviceI2c.Fail();

        public void Dispose() => throw NanoApiDecl_SystemDeviceI2c.Fail();
    }

    // Source: nanoframework/System.Device.I2c System.Device.I2c/I2cConnectionSettings.cs (main, commit 55251279; no sharing mode,
    // which matches the main native field list deviceAddress/busSpeed/busId). Private parameterless ctor in the source.
    public sealed class I2cConnectionSettings
    {
        // Source default when busSpeed is omitted: I2cBusSpeed.FastMode.
        public I2cConnectionSettings(int busId, int deviceAddress) { throw NanoApiDecl_SystemDeviceI2c.Fail(); }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) { throw NanoApiDecl_SystemDeviceI2c.Fail(); }

        public int BusId { get => throw NanoApiDecl_SystemDeviceI2c.Fail(); }

        public int DeviceAddress { get => throw NanoApiDecl_SystemDeviceI2c.Fail(); }

        public I2cBusSpeed BusSpeed { get => throw NanoApiDecl_SystemDeviceI2c.Fail(); }
    }

    // Source: nanoframework/System.Device.I2c System.Device.I2c/I2cTransferResult.cs (commit 1b197f8a)
    public struct I2cTransferResult
    {
        public uint BytesTransferred { get => throw NanoApiDecl_SystemDeviceI2c.Fail(); }

        public I2cTransferStatus Status { get => throw NanoApiDecl_SystemDeviceI2c.Fail(); }
    }

    // Source: nanoframework/System.Device.I2c System.Device.I2c/I2cTransferStatus.cs (commit bf3885a1)
    public enum I2cTransferStatus
    {
        UnknownError = 0,
        FullTransfer = 1,
        ClockStretchTimeout = 2,
        PartialTransfer = 3,
        SlaveAddressNotAcknowledged = 4,
    }

    // Source: nanoframework/System.Device.I2c System.Device.I2c/I2cBusSpeed.cs (commit f0d7677d)
    // UNCERTAIN: FastModePlus is in this version and in the develop native header, not in the main native header @7bf68418.
    public enum I2cBusSpeed
    {
        StandardMode = 0,
        FastMode = 1,
        FastModePlus = 2,
    }
}
