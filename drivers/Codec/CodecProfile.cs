namespace InterfaceFirmware.Drivers.Codec
{
    /// <summary>
    /// A codec chip as data for <see cref="CodecDriver"/>: its name and capabilities, its power and
    /// mute sequences, the registers and timings of its DAC soft mute, and how its headphone level
    /// and monitor switches are laid out. Built once per chip (see Wm8960Profile, Es8388Profile);
    /// what needs code stays in the chip driver.
    /// </summary>
    public sealed class CodecProfile
    {
        /// <param name="name">The chip's name, as the log shows it.</param>
        /// <param name="capabilities">What the chip can do (gain scales, routes).</param>
        /// <param name="sequences">The pop-free power steps and the mute and un-mute.</param>
        /// <param name="output">The headphone output level registers and their ramp.</param>
        /// <param name="monitor">The analogue monitor switches into the output mixers.</param>
        /// <param name="dacMuteRegister">The register that holds the DAC soft-mute bit.</param>
        /// <param name="dacMuteBit">The DAC soft-mute bit.</param>
        /// <param name="muteRampSamples">How many samples the DAC's soft-mute ramp takes from full scale to silence.</param>
        /// <param name="dischargeMs">How long the outputs need to discharge after the bias went off, before it may come up again.</param>
        /// <param name="sequencedRegisters">Registers the sequences bring up again after a reset (power, clock selection) rather than a flush.</param>
        public CodecProfile(string name, CodecCapabilities capabilities, CodecSequences sequences, CodecOutputLevel output,
            CodecMonitorSwitches monitor, int dacMuteRegister, int dacMuteBit, int muteRampSamples, int dischargeMs, int[] sequencedRegisters)
        {
            Name = name;
            Capabilities = capabilities;
            Sequences = sequences;
            Output = output;
            Monitor = monitor;
            DacMuteRegister = dacMuteRegister;
            DacMuteBit = dacMuteBit;
            MuteRampSamples = muteRampSamples;
            DischargeMs = dischargeMs;
            _sequencedRegisters = sequencedRegisters;
        }

        private readonly int[] _sequencedRegisters;

        public string Name { get; }

        public CodecCapabilities Capabilities { get; }

        public CodecSequences Sequences { get; }

        public CodecOutputLevel Output { get; }

        public CodecMonitorSwitches Monitor { get; }

        public int DacMuteRegister { get; }

        public int DacMuteBit { get; }

        public int MuteRampSamples { get; }

        public int DischargeMs { get; }

        public int SequencedRegisterCount
        {
            get { return _sequencedRegisters.Length; }
        }

        public int SequencedRegister(int index)
        {
            return _sequencedRegisters[index];
        }
    }

    /// <summary>A codec's sequences: one pop-free step between adjacent power states, and the soft mute and un-mute while On.</summary>
    public sealed class CodecSequences
    {
        public CodecSequences(SequenceStep[] offToStandby, SequenceStep[] standbyToOn, SequenceStep[] onToStandby, SequenceStep[] standbyToOff,
            SequenceStep[] mute, SequenceStep[] unmute)
        {
            OffToStandby = offToStandby;
            StandbyToOn = standbyToOn;
            OnToStandby = onToStandby;
            StandbyToOff = standbyToOff;
            Mute = mute;
            Unmute = unmute;
        }

        public SequenceStep[] OffToStandby { get; }

        public SequenceStep[] StandbyToOn { get; }

        public SequenceStep[] OnToStandby { get; }

        public SequenceStep[] StandbyToOff { get; }

        /// <summary>Silences the outputs softly while On (the DAC's soft mute, and whatever else carries sound to them).</summary>
        public SequenceStep[] Mute { get; }

        /// <summary>Brings the outputs back softly while On: the reverse of <see cref="Mute"/>, the DAC un-muted last.</summary>
        public SequenceStep[] Unmute { get; }

        /// <summary>The sequence for one step between adjacent power states.</summary>
        public SequenceStep[] Transition(CodecPowerState from, CodecPowerState to)
        {
            if (to == CodecPowerState.Standby)
            {
                return from == CodecPowerState.Off ? OffToStandby : OnToStandby;
            }

            return to == CodecPowerState.On ? StandbyToOn : StandbyToOff;
        }
    }

    /// <summary>
    /// The headphone output level: a left/right register pair written together (the chip's pair
    /// discipline, <see cref="RegisterBank.WritePair"/>), its closed code, and its ramp while a live
    /// monitor reaches the outputs.
    /// </summary>
    public sealed class CodecOutputLevel
    {
        /// <param name="leftRegister">Left headphone volume register.</param>
        /// <param name="rightRegister">Right headphone volume register.</param>
        /// <param name="volumeMask">The volume field of both.</param>
        /// <param name="alwaysSet">Bits written with every level (a zero-cross enable), 0 for none.</param>
        /// <param name="latchBit">The pair's update latch (see <see cref="RegisterBank.WritePair"/>), 0 for none.</param>
        /// <param name="closedCode">The code that closes the outputs (mute, or the lowest level where there is no mute).</param>
        /// <param name="rampStep">One ramp step in codes; below the lowest level, mute counts as one step.</param>
        /// <param name="rampIntervalMs">The time between two ramp steps.</param>
        public CodecOutputLevel(int leftRegister, int rightRegister, int volumeMask, int alwaysSet, int latchBit, int closedCode,
            int rampStep, int rampIntervalMs)
            : this(leftRegister, rightRegister, volumeMask, alwaysSet, latchBit, closedCode, rampStep, rampIntervalMs, 0)
        {
        }

        /// <param name="fineSpan">The codes below the open level that the ramp steps one at a time (see <see cref="FineSpan"/>).</param>
        public CodecOutputLevel(int leftRegister, int rightRegister, int volumeMask, int alwaysSet, int latchBit, int closedCode,
            int rampStep, int rampIntervalMs, int fineSpan)
        {
            LeftRegister = leftRegister;
            RightRegister = rightRegister;
            VolumeMask = volumeMask;
            AlwaysSet = alwaysSet;
            LatchBit = latchBit;
            ClosedCode = closedCode;
            RampStep = rampStep;
            RampIntervalMs = rampIntervalMs;
            FineSpan = fineSpan;
        }

        public int LeftRegister { get; }

        public int RightRegister { get; }

        public int VolumeMask { get; }

        public int AlwaysSet { get; }

        public int LatchBit { get; }

        public int ClosedCode { get; }

        public int RampStep { get; }

        public int RampIntervalMs { get; }

        /// <summary>
        /// Within this many codes of the open level (the ramp's loud end, where a mute starts and an
        /// un-mute ends) the ramp steps a code at a time (0: never). A zero-cross latched step lands
        /// between two half-cycles of different size; on a loud output the difference is a
        /// low-frequency bump a listener hears as a thump. Once the output is that much below its
        /// open level the same coarse step makes a bump as much smaller, so the finer steps are
        /// needed only at the loud end, and cost little time.
        /// </summary>
        public int FineSpan { get; }
    }

    /// <summary>The analogue monitor paths into the output mixers: one register per path, each with a switch and a gain field.</summary>
    public sealed class CodecMonitorSwitches
    {
        public CodecMonitorSwitches(int[] registers, int switchBit, int gainMask, int gainShift)
        {
            _registers = registers;
            SwitchBit = switchBit;
            GainMask = gainMask;
            GainShift = gainShift;
        }

        private readonly int[] _registers;

        public int SwitchBit { get; }

        public int GainMask { get; }

        public int GainShift { get; }

        public int PathCount
        {
            get { return _registers.Length; }
        }

        public int Register(int path)
        {
            return _registers[path];
        }
    }
}
