using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// A WM8960 model on a virtual bus, clocked like the reference board (MCLK 12.288 MHz, 48 kHz
    /// LRCLK from the USB bridge). Inputs: LINPUT1..3 = 0..2, RINPUT1..3 = 3..5.
    /// </summary>
    internal sealed class Wm8960Rig : CodecRig
    {
        public readonly Wm8960Model Codec;
        private readonly byte[] _frame = new byte[2];

        public Wm8960Rig()
            : this(new Wm8960Model())
        {
        }

        private Wm8960Rig(Wm8960Model codec)
            : base(codec, 7, 48)
        {
            Codec = codec;
        }

        /// <summary>One register write: a 2-byte frame, 7-bit register and 9-bit value.</summary>
        public I2cStatus Write(int register, int value)
        {
            _frame[0] = (byte)((register << 1) | ((value >> 8) & 1));
            _frame[1] = (byte)(value & 0xFF);
            return Bus.Write(Codec.Address, _frame, 0, 2);
        }

        /// <summary>The reference power-up: anti-pop, VMID 2×50 kΩ, 600 ms, VREF, converters, mixers, outputs at 0 dB, DAC un-muted.</summary>
        public void PowerUpPlayback()
        {
            Write(Wm8960Model.RegAntiPop1, 0x09C);
            Write(Wm8960Model.RegPowerManagement1, 0x080);
            RenderMs(600);
            Write(Wm8960Model.RegPowerManagement1, 0x0C0);
            Write(Wm8960Model.RegAntiPop1, 0x008);
            Write(Wm8960Model.RegPowerManagement2, 0x1E0);
            Write(Wm8960Model.RegPowerManagement3, 0x00C);
            Write(Wm8960Model.RegLeftOutMix, 0x100);
            Write(Wm8960Model.RegRightOutMix, 0x100);
            Write(Wm8960Model.RegLeftOut1Volume, 0x079);
            Write(Wm8960Model.RegRightOut1Volume, 0x179);
            Write(Wm8960Model.RegAdcDacControl1, 0x000);
            RenderMs(50);
        }
    }
}
