using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// An ES8388 model on a virtual bus with MCLK 12.288 MHz and a 48 kHz LRCK from an external
    /// master (the ESP32). Inputs: <see cref="Lin1"/>, <see cref="Lin2"/>, <see cref="Rin1"/>, <see cref="Rin2"/>.
    /// </summary>
    internal sealed class Es8388Rig : CodecRig
    {
        public const int Lin1 = 0;
        public const int Lin2 = 1;
        public const int Rin1 = 2;
        public const int Rin2 = 3;

        public readonly Es8388Model Codec;
        private readonly byte[] _frame = new byte[2];
        private readonly byte[] _pointer = new byte[1];
        private readonly byte[] _read = new byte[1];

        public Es8388Rig()
            : this(new Es8388Model())
        {
        }

        private Es8388Rig(Es8388Model codec)
            : base(codec, 11, 48 * 5)
        {
            Codec = codec;
        }

        public I2cStatus Write(int register, int value)
        {
            _frame[0] = (byte)register;
            _frame[1] = (byte)value;
            return Bus.Write(Codec.Address, _frame, 0, 2);
        }

        /// <summary>A register read back over the bus (write of the pointer, repeated start, read); -1 when not acknowledged.</summary>
        public int Read(int register)
        {
            _pointer[0] = (byte)register;
            I2cStatus status = Bus.WriteRead(Codec.Address, _pointer, 0, 1, _read, 0, 1);
            return status == I2cStatus.Ok ? _read[0] : -1;
        }

        /// <summary>
        /// Slave mode, analogue on, VMID charged through 5 kΩ then held at 50 kΩ, converters at 256·fs,
        /// DAC at 0 dB un-muted without soft ramp, DAC-only mixers at 0 dB, OUT1 at 0 dB and enabled.
        /// </summary>
        public void PowerUpPlayback()
        {
            Write(Es8388Model.RegMasterMode, 0x00);
            Write(Es8388Model.RegControl2, 0x50);
            Write(Es8388Model.RegControl1, 0x07);
            RenderMs(150);
            Write(Es8388Model.RegControl1, 0x05);
            Write(Es8388Model.RegChipPower, 0x00);
            Write(Es8388Model.RegDacControl2, 0x02);
            Write(Es8388Model.RegAdcControl5, 0x02);
            Write(Es8388Model.RegDacControl3, 0x00);
            Write(Es8388Model.RegDacControl4, 0x00);
            Write(Es8388Model.RegDacControl5, 0x00);
            Write(Es8388Model.RegAdcControl8, 0x00);
            Write(Es8388Model.RegAdcControl9, 0x00);
            Write(Es8388Model.RegDacControl17, 0x90);
            Write(Es8388Model.RegDacControl20, 0x90);
            Write(Es8388Model.RegLout1Volume, 0x1E);
            Write(Es8388Model.RegRout1Volume, 0x1E);
            Write(Es8388Model.RegDacPower, 0x30);
            RenderMs(10);
        }
    }
}
