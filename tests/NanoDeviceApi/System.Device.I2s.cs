// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException.
//
// Package: nanoFramework.System.Device.I2s 1.0.28 (assembly System.Device.I2s), nanoframework/System.Device.I2s main.
// .NET BCL clash: none.

namespace System.Device.I2s
{
    internal static class NanoApiDecl_SystemDeviceI2s
    {
        internal static NotImplementedException Fail()
            => new NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/System.Device.I2s System.Device.I2s/I2sDevice.cs (commits 058fbbbe and 44df1706, same API).
    // Read and Write are native and return void.
    public class I2sDevice : IDisposable
    {
        public I2sDevice(I2sConnectionSettings settings) { throw NanoApiDecl_SystemDeviceI2s.Fail(); }

        public I2sConnectionSettings ConnectionSettings => throw NanoApiDecl_SystemDeviceI2s.Fail();

        public void Read(SpanByte buffer) => throw NanoApiDecl_SystemDeviceI2s.Fail();

        public void Write(SpanByte buffer) => throw NanoApiDecl_SystemDeviceI2s.Fail();

        public static I2sDevice Create(I2sConnectionSettings settings) => throw NanoApiDecl_SystemDeviceI2s.Fail();

        public void Dispose() => throw NanoApiDecl_SystemDeviceI2s.Fail();
    }

    // Source: nanoframework/System.Device.I2s System.Device.I2s/I2sConnectionSettings.cs (commit 5139f610). Private parameterless ctor in the source.
    // Source defaults: BusId 1, SampleRate 44100, Mode Pdm, BitsPerSample Bit16, ChannelFormat RightLeft, CommunicationFormat StandardI2s.
    public sealed class I2sConnectionSettings
    {
        public I2sConnectionSettings(int busId) { throw NanoApiDecl_SystemDeviceI2s.Fail(); }

        public int BusId
        {
            get => throw NanoApiDecl_SystemDeviceI2s.Fail();
            set => throw NanoApiDecl_SystemDeviceI2s.Fail();
        }

        public I2sMode Mode
        {
            get => throw NanoApiDecl_SystemDeviceI2s.Fail();
            set => throw NanoApiDecl_SystemDeviceI2s.Fail();
        }

        public I2sBitsPerSample BitsPerSample
        {
            get => throw NanoApiDecl_SystemDeviceI2s.Fail();
            set => throw NanoApiDecl_SystemDeviceI2s.Fail();
        }

        public I2sChannelFormat ChannelFormat
        {
            get => throw NanoApiDecl_SystemDeviceI2s.Fail();
            set => throw NanoApiDecl_SystemDeviceI2s.Fail();
        }

        public I2sCommunicationFormat CommunicationFormat
        {
            get => throw NanoApiDecl_SystemDeviceI2s.Fail();
            set => throw NanoApiDecl_SystemDeviceI2s.Fail();
        }

        public int SampleRate
        {
            get => throw NanoApiDecl_SystemDeviceI2s.Fail();
            set => throw NanoApiDecl_SystemDeviceI2s.Fail();
        }
    }

    // Source: nanoframework/System.Device.I2s System.Device.I2s/I2sMode.cs (commit 90db9012; written in the source as 1 << n)
    [Flags]
    public enum I2sMode
    {
        Master = 1,
        Slave = 2,
        Tx = 4,
        Rx = 8,
        DacBuiltIn = 16,
        AdcBuiltIn = 32,
        Pdm = 64,
    }

    // Source: nanoframework/System.Device.I2s System.Device.I2s/I2sBitsPerSample.cs (commit 109a2458)
    public enum I2sBitsPerSample
    {
        Bit8 = 8,
        Bit16 = 16,
        Bit24 = 24,
        Bit32 = 32,
    }

    // Source: nanoframework/System.Device.I2s System.Device.I2s/I2sChannelFormat.cs (commit 9bcec3ac; RightLeft = 0x00, the rest implicit)
    public enum I2sChannelFormat
    {
        RightLeft = 0,
        AllRight = 1,
        AllLeft = 2,
        OnlyRight = 3,
        OnlyLeft = 4,
    }

    // Source: nanoframework/System.Device.I2s System.Device.I2s/I2sCommunicationFormat.cs (commit 109a2458; implicit values).
    // The older STAND_I2S/I2S_MSB/... names (commit dea97320) are gone.
    public enum I2sCommunicationFormat
    {
        StandardI2s = 0,
        StandardI2sLsb = 1,
        StandardI2sMsb = 2,
        StandardI2sPcm = 3,
        PcmShort = 4,
        PcmLong = 5,
    }

    // Source: nanoframework/System.Device.I2s System.Device.I2s/I2sChannel.cs (commit 122c87f4; the older MONO/STEREO spelling is gone)
    public enum I2sChannel
    {
        Mono = 1,
        Stereo = 2,
    }
}
