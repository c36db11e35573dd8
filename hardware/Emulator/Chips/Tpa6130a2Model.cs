using System.Runtime.CompilerServices;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// TI TPA6130A2 stereo headphone amplifier (DirectPath, ground-referenced outputs) at 0x60.
    /// Registers 1–4 are readable and writable with an auto-incrementing pointer (single and
    /// multi-byte access, datasheet §8.5.4); 5–8 are TI test registers nobody should write.
    /// </summary>
    /// <remarks>
    /// The gain table is the datasheet's (TI SLOS488, Table "Volume Control"), kept here
    /// independently of the driver's copy so that a wrong entry in either one shows up in tests.
    /// </remarks>
    public sealed class Tpa6130a2Model : I2cChipModel, ICurrentConsumer
    {
        /// <summary>The amplifier's input resistance; with the 1 µF input capacitors a 8 Hz high-pass.</summary>
        public const double InputOhms = 20000.0;

        /// <summary>Charge pump and outputs need this long after enabling before they drive (outputs silent meanwhile).</summary>
        public const long StartupUs = 5000;

        public const int DefaultAddress = 0x60;
        public const int RegControl = 1;
        public const int RegVolume = 2;
        public const int RegOutputImpedance = 3;
        public const int RegVersion = 4;
        public const int Revision = 2;

        public const int ControlHpEnableLeft = 0x80;
        public const int ControlHpEnableRight = 0x40;
        public const int ControlModeMask = 0x30;
        public const int ControlThermal = 0x02;
        public const int ControlSoftwareShutdown = 0x01;
        public const int VolumeMuteLeft = 0x80;
        public const int VolumeMuteRight = 0x40;
        public const int VolumeMask = 0x3F;
        public const int HighZLeft = 0x02;
        public const int HighZRight = 0x01;

        /// <summary>Gain in hundredths of a dB for each volume code 0x00–0x3F (typical values).</summary>
        public static readonly int[] GainCentiDb =
        {
            -5950, -5350, -5000, -4750, -4550, -4390, -4140, -3950,
            -3650, -3530, -3330, -3170, -3040, -2860, -2710, -2630,
            -2470, -2370, -2250, -2170, -2050, -1960, -1880, -1780,
            -1700, -1620, -1520, -1450, -1370, -1300, -1230, -1160,
            -1090, -1030, -970, -900, -850, -780, -720, -670,
            -610, -560, -510, -450, -410, -350, -310, -260,
            -210, -170, -120, -80, -30, 10, 50, 90,
            140, 170, 210, 250, 290, 330, 360, 400,
        };

        // GainCentiDb as linear factors, computed once (not a Math.Pow per block and channel)
        private static readonly double[] GainLinear = BuildGainLinear();

        private readonly byte[] _registers = new byte[9];
        private readonly CouplingCapacitor[] _inputCoupling = { InputCapacitor(), InputCapacitor() };
        private readonly double[][] _input = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly long[] _activeSinceUs = { -1, -1 };
        private int _pointer;
        private bool _thermalOverload;
        private double _loadCurrentMa;

        public Tpa6130a2Model()
            : this(DefaultAddress)
        {
        }

        public Tpa6130a2Model(int address)
            : base("TPA6130A2", address)
        {
            ResetToDefaults();
        }

        /// <summary>The raw register value (1–8).</summary>
        public int Register(int index)
        {
            return _registers[index];
        }

        public bool LeftEnabled
        {
            get { return (_registers[RegControl] & ControlHpEnableLeft) != 0; }
        }

        public bool RightEnabled
        {
            get { return (_registers[RegControl] & ControlHpEnableRight) != 0; }
        }

        public bool SoftwareShutdown
        {
            get { return (_registers[RegControl] & ControlSoftwareShutdown) != 0; }
        }

        public int VolumeCode
        {
            get { return _registers[RegVolume] & VolumeMask; }
        }

        public bool LeftMuted
        {
            get { return (_registers[RegVolume] & VolumeMuteLeft) != 0; }
        }

        public bool RightMuted
        {
            get { return (_registers[RegVolume] & VolumeMuteRight) != 0; }
        }

        /// <summary>True while the die is too hot: the outputs are off until it cools down.</summary>
        public bool ThermalOverload
        {
            get { return _thermalOverload; }
        }

        /// <summary>
        /// True when the left (or right) output drives the load: powered, charge pump on (SWS=0),
        /// channel enabled, not in HiZ, no thermal shutdown.
        /// </summary>
        public bool OutputActive(bool left)
        {
            if (!Powered || SoftwareShutdown || _thermalOverload)
            {
                return false;
            }

            bool enabled = left ? LeftEnabled : RightEnabled;
            bool highZ = (_registers[RegOutputImpedance] & (left ? HighZLeft : HighZRight)) != 0;
            return enabled && !highZ;
        }

        /// <summary>The channel's gain in hundredths of a dB; <see cref="int.MinValue"/> when muted or inactive.</summary>
        public int GainCentiDbFor(bool left)
        {
            bool muted = left ? LeftMuted : RightMuted;
            if (!OutputActive(left) || muted)
            {
                return int.MinValue;
            }

            return GainCentiDb[VolumeCode];
        }

        public string ConsumerName
        {
            get { return Name; }
        }

        private static double[] BuildGainLinear()
        {
            var table = new double[GainCentiDb.Length];
            for (int code = 0; code < table.Length; code++)
            {
                table[code] = Decibels.FromCentiDb(GainCentiDb[code]);
            }

            return table;
        }

        // 1 µF from the codec's output into the amplifier's input resistance.
        private static CouplingCapacitor InputCapacitor()
        {
            var capacitor = new CouplingCapacitor(1e-6);
            capacitor.LoadOhms = InputOhms;
            return capacitor;
        }

        /// <summary>Quiescent 4 mA with the charge pump on (TI), plus the headphone load; ~0 in software shutdown.</summary>
        public double CurrentMilliamps
        {
            get
            {
                if (!Powered)
                {
                    return 0;
                }

                return SoftwareShutdown ? 0.001 : 4.0 + _loadCurrentMa;
            }
        }

        /// <summary>
        /// Amplifies one block: each input pin reaches the amplifier through a 1 µF capacitor into
        /// <see cref="InputOhms"/>; the ground-referenced (DirectPath) outputs drive the headphone
        /// directly. Muted, disabled or shut-down outputs are silent.
        /// </summary>
        /// <summary>Its input capacitors in their steady state on these pins (see <see cref="CouplingCapacitor.Settle"/>).</summary>
        public void SettleInputs(OutputPin inLeft, OutputPin inRight, int count)
        {
            _inputCoupling[0].Settle(inLeft, count);
            _inputCoupling[1].Settle(inRight, count);
        }

        public void Process(OutputPin inLeft, OutputPin inRight, double[] outLeft, double[] outRight, int count, long startUs)
        {
            CouplingCapacitor.ProcessPair(_inputCoupling[0], _inputCoupling[1], inLeft, inRight, _input[0], _input[1], count);
            int liveLeft = TrackStartup(0, startUs, count);
            int liveRight = TrackStartup(1, startUs, count);
            double gainLeft = LinearGainFor(true);
            double gainRight = LinearGainFor(false);
            double power;
            if (liveLeft == 0 && liveRight == 0 && gainLeft >= 0 && gainRight >= 0)
            {
                // both sides driving the whole block: one pass (the common case)
                power = AmplifyPair(_input[0], _input[1], outLeft, outRight, count, gainLeft, gainRight);
            }
            else
            {
                power = AmplifyChannel(_input[0], outLeft, liveLeft, count, gainLeft, 0);
                power = AmplifyChannel(_input[1], outRight, liveRight, count, gainRight, power);
            }

            _loadCurrentMa = System.Math.Sqrt(power / (2.0 * count + 1e-9)) * 1.41 / 32.0 * 1000.0;
        }

        // Follows when the channel started driving; returns how many samples at the block's start
        // fall within the charge pump's start-up (silent).
        private int TrackStartup(int ch, long startUs, int count)
        {
            if (!OutputActive(ch == 0))
            {
                _activeSinceUs[ch] = -1;
                return count;
            }

            if (_activeSinceUs[ch] < 0)
            {
                _activeSinceUs[ch] = startUs;
            }

            long liveFromSample = AudioEngine.SampleAt(_activeSinceUs[ch] + StartupUs) - AudioEngine.SampleAt(startUs);
            return liveFromSample <= 0 ? 0 : liveFromSample >= count ? count : (int)liveFromSample;
        }

        // GainCentiDbFor as a linear factor; −1 when muted or inactive.
        private double LinearGainFor(bool left)
        {
            return GainCentiDbFor(left) == int.MinValue ? -1 : GainLinear[VolumeCode];
        }

        // One channel: silent until `live` (start-up) or throughout (gain −1: muted, inactive), amplified after.
        private static double AmplifyChannel(double[] input, double[] output, int live, int count, double gain, double power)
        {
            if (gain < 0)
            {
                System.Array.Clear(output, 0, count);
                return power;
            }

            System.Array.Clear(output, 0, live);
            return Amplify(input, output, live, count, gain, power);
        }

        // The gain loop on its own (no call around it, so the power sum stays in a register);
        // returns the power so far.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static double Amplify(double[] input, double[] output, int from, int count, double gain, double power)
        {
            for (int i = from; i < count; i++)
            {
                double v = input[i] * gain;
                output[i] = v;
                power += v * v;
            }

            return power;
        }

        // Both channels in one loop, each power sum on its own (the two additions overlap); returns
        // the total power.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static double AmplifyPair(double[] inLeft, double[] inRight, double[] outLeft, double[] outRight, int count, double gainLeft, double gainRight)
        {
            double powerLeft = 0;
            double powerRight = 0;
            for (int i = 0; i < count; i++)
            {
                double l = inLeft[i] * gainLeft;
                double r = inRight[i] * gainRight;
                outLeft[i] = l;
                outRight[i] = r;
                powerLeft += l * l;
                powerRight += r * r;
            }

            return powerLeft + powerRight;
        }

        /// <summary>Fault injection: the die overheats (outputs off, thermal flag set) or cools down again.</summary>
        public void SetThermalOverload(bool overheated)
        {
            _thermalOverload = overheated;
            if (overheated)
            {
                _registers[RegControl] = (byte)(_registers[RegControl] | ControlThermal);
            }
        }

        public override void ResetToDefaults()
        {
            System.Array.Clear(_registers, 0, _registers.Length);
            _registers[RegControl] = 0x00;
            _registers[RegVolume] = 0xC0;
            _registers[RegOutputImpedance] = 0x00;
            _registers[RegVersion] = Revision;
            _pointer = RegControl;
            _thermalOverload = false;
        }

        protected override I2cStatus OnWrite(byte[] data, int offset, int count, long nowUs)
        {
            if (count < 1)
            {
                ReportProtocolError("empty write");
                return I2cStatus.Ok;
            }

            int register = data[offset];
            if (register < 1 || register > 8)
            {
                ReportProtocolError("register pointer out of range: " + register);
                return I2cStatus.DataNotAcknowledged;
            }

            _pointer = register;
            bool changed = false;
            for (int i = 1; i < count; i++)
            {
                if (_pointer > 8)
                {
                    ReportProtocolError("write past register 8");
                    return I2cStatus.DataNotAcknowledged;
                }

                changed |= WriteRegister(_pointer, data[offset + i]);
                _pointer++;
            }

            if (count > 1 && !changed)
            {
                CountRedundantWrite();
            }

            return I2cStatus.Ok;
        }

        protected override I2cStatus OnRead(byte[] buffer, int offset, int count, long nowUs)
        {
            for (int i = 0; i < count; i++)
            {
                int register = _pointer <= 8 ? _pointer : 8;
                buffer[offset + i] = _registers[register];
                if (register == RegControl && !_thermalOverload)
                {
                    // The thermal flag reports that a shutdown occurred; reading it clears it once the die has cooled.
                    _registers[RegControl] = (byte)(_registers[RegControl] & ~ControlThermal);
                }

                if (_pointer < 8)
                {
                    _pointer++;
                }
            }

            return I2cStatus.Ok;
        }

        private bool WriteRegister(int register, int value)
        {
            int old = _registers[register];
            int updated;
            switch (register)
            {
                case RegControl:
                    // bit 1 (thermal) is read-only; bits 3:2 reserved (written as given)
                    updated = (value & ~ControlThermal) | (old & ControlThermal);
                    if ((value & ControlModeMask) == ControlModeMask)
                    {
                        ReportProtocolError("reserved amplifier mode 11");
                    }

                    break;
                case RegVolume:
                    updated = value;
                    break;
                case RegOutputImpedance:
                    updated = value & (HighZLeft | HighZRight);
                    break;
                case RegVersion:
                    ReportProtocolError("write to the read-only version register");
                    return false;
                default:
                    ReportProtocolError("write to TI test register " + register);
                    updated = value;
                    break;
            }

            _registers[register] = (byte)updated;
            return updated != old;
        }
    }
}
