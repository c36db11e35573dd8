using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// The reference board with a computer attached and register-level bring-up steps, for tests
    /// of the board's audio graph and its pop detectors (the drivers do this properly later; here
    /// the point is to do it right, and deliberately wrong). Codec writes go to both WM8960s alike
    /// (codec A for the main jack, codec B for the second), as the firmware configures them, unless
    /// a test names one codec.
    /// </summary>
    internal sealed class ReferenceBoardRig
    {
        public readonly VirtualBoard Board = new VirtualBoard(BoardDescription.Reference(), 11);
        private readonly byte[] _frame = new byte[2];

        public ReferenceBoardRig()
        {
            Board.ConnectComputer();
            Board.RunMs(500); // enumeration: the bridge now clocks the codec at 48 kHz
        }

        public Wm8960Model Codec
        {
            get { return Board.Wm8960; }
        }

        public Tpa6130a2Model Amplifier
        {
            get { return Board.Amplifier; }
        }

        /// <summary>Writes one register of every codec on the board.</summary>
        public void WriteCodec(int register, int value)
        {
            for (int i = 0; i < Board.Codecs.Length; i++)
            {
                WriteCodec(i, register, value);
            }
        }

        /// <summary>Writes one register of codec <paramref name="codec"/> (0 = A, 1 = B) at its address.</summary>
        public void WriteCodec(int codec, int register, int value)
        {
            _frame[0] = (byte)((register << 1) | ((value >> 8) & 1));
            _frame[1] = (byte)(value & 0xFF);
            Assert.AreEqual((int)I2cStatus.Ok, (int)Board.Bus.Write(Board.Description.Codecs[codec].Address, _frame, 0, 2));
        }

        public void WriteAmp(int register, int value)
        {
            _frame[0] = (byte)register;
            _frame[1] = (byte)value;
            Assert.AreEqual((int)I2cStatus.Ok, (int)Board.Bus.Write(Board.Description.AmplifierAddress, _frame, 0, 2));
        }

        /// <summary>
        /// Bias up without a pop: anti-pop tie-off and soft start, VMID 2×50 kΩ (an S-curve over
        /// 552 ms), then long enough for the headphone capacitors to catch up through the 500 Ω
        /// tie-off (τ = 532 Ω × 220 µF = 117 ms), then VREF.
        /// </summary>
        public void BiasUp()
        {
            WriteCodec(Wm8960Model.RegAntiPop1, 0x09C);
            WriteCodec(Wm8960Model.RegPowerManagement1, 0x080);
            Board.RunMs(1200);
            WriteCodec(Wm8960Model.RegPowerManagement1, 0x0C0);
            WriteCodec(Wm8960Model.RegAntiPop1, 0x008);
        }

        /// <summary>DAC → mixer → headphone drivers at 0 dB with zero-cross, the DAC still soft-muted.</summary>
        public void PlaybackPathUp()
        {
            WriteCodec(Wm8960Model.RegPowerManagement3, 0x00C);
            WriteCodec(Wm8960Model.RegLeftOutMix, 0x100);
            WriteCodec(Wm8960Model.RegRightOutMix, 0x100);
            WriteCodec(Wm8960Model.RegLeftOut1Volume, 0x0F9);
            WriteCodec(Wm8960Model.RegRightOut1Volume, 0x1F9);
            WriteCodec(Wm8960Model.RegPowerManagement2, 0x1E0);
            WriteCodec(Wm8960Model.RegAdcDacControl2, 0x00C); // soft un-mute, slow ramp
        }

        /// <summary>The amplifier out of shutdown, enabled, un-muted at <paramref name="volumeCode"/>.</summary>
        public void AmplifierUp(int volumeCode)
        {
            Board.AmplifierShutdown.Write(true);
            Board.RunMs(1);
            WriteAmp(Tpa6130a2Model.RegControl, 0xC0);
            Board.RunMs(10);
            WriteAmp(Tpa6130a2Model.RegVolume, volumeCode);
        }

        /// <summary>A 1 kHz sine from the computer through a right bring-up to both jacks, DAC soft-un-muted, settled.</summary>
        public void PlayThroughBothJacks(double dbfs)
        {
            PlaySine(dbfs);
            BiasUp();
            PlaybackPathUp();
            AmplifierUp(0x30);
            WriteCodec(Wm8960Model.RegAdcDacControl1, 0x000);
            Board.RunMs(500);
        }

        public void PlaySine(double dbfs)
        {
            Board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, dbfs), SineSource.AtDbfs(1000, dbfs));
        }

        /// <summary>Pop events at outputs whose name starts with <paramref name="output"/>, after <paramref name="sinceUs"/>.</summary>
        public int Pops(string output, long sinceUs)
        {
            return CountPops(Board, output, sinceUs);
        }

        /// <summary>Pop events on <paramref name="board"/> at outputs whose name starts with <paramref name="output"/>, at or after <paramref name="sinceUs"/>.</summary>
        public static int CountPops(VirtualBoard board, string output, long sinceUs)
        {
            int count = 0;
            foreach (PopEvent e in board.PopEvents)
            {
                if (e.Output.StartsWith(output) && e.TimeUs >= sinceUs)
                {
                    count++;
                }
            }

            return count;
        }

        public int Pops(string output, long sinceUs, PopKind kind)
        {
            int count = 0;
            foreach (PopEvent e in Board.PopEvents)
            {
                if (e.Output.StartsWith(output) && e.TimeUs >= sinceUs && e.Kind == kind)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
