namespace InterfaceFirmware.Drivers.Codec
{
    /// <summary>
    /// The actions every codec driver performs in its sequences (<see cref="SequenceStep.Do"/>):
    /// the DAC soft mute and its timing, the discharge wait, the cache flush, the output level
    /// opened and closed softly. Chip drivers number
    /// their own actions from <see cref="FirstChipAction"/>.
    /// </summary>
    public static class CodecActions
    {
        /// <summary>Soft-mutes the DAC (whatever the caller wished) and notes the time.</summary>
        public const int MuteDac = 1;

        /// <summary>Waits until the DAC's soft-mute ramp has run.</summary>
        public const int WaitMuteRamp = 2;

        /// <summary>Un-mutes the DAC: it ramps back up to its volume (DACSMM / soft ramp).</summary>
        public const int UnmuteDac = 3;

        /// <summary>Waits until the outputs had the chip's discharge time since the bias went off.</summary>
        public const int WaitDischarge = 4;

        /// <summary>Notes that the bias just went off (starts the discharge time).</summary>
        public const int BiasOff = 5;

        /// <summary>Writes every dirty register (a few per tick).</summary>
        public const int Flush = 6;

        /// <summary>
        /// Moves the headphone output level to its closed value: stepped at once while a monitor
        /// path is open (a live input reaches the outputs), otherwise in one move once the DAC's
        /// soft mute has run (only the DAC reaches them).
        /// </summary>
        public const int CloseOutputs = 7;

        /// <summary>Moves the headphone output level to the caller's, the same way as <see cref="CloseOutputs"/>.</summary>
        public const int OpenOutputs = 8;

        /// <summary>Powers the blocks the caller needs (<see cref="IAudioCodec.SetBlocksNeeded"/>) up and the others down, the chip's bits.</summary>
        public const int PowerBlocks = 9;

        /// <summary>A DAC about to go down: soft-mutes it (if it plays) and waits its ramp out.</summary>
        public const int SilenceDroppedPlayback = 10;

        /// <summary>A DAC back up under open, un-muted outputs: ramps it out of its soft mute.</summary>
        public const int ResumePlayback = 11;

        public const int FirstChipAction = 100;
    }
}
