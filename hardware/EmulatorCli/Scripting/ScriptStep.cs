namespace InterfaceFirmware.EmulatorCli.Scripting
{
    /// <summary>What a script line asks for (README: the session script language).</summary>
    public enum Verb
    {
        Say,
        Boot,
        Press,
        Double,
        Usb,
        Power,
        Input,
        Playback,
        Plug,
        Unplug,
        Fault,
        ExpectLevel,
        ExpectMuted,
        ExpectOpen,
        ExpectMonitor,
        ExpectPops,
        ExpectHeard,
        EqLoad,
        End,
    }

    /// <summary>A signal a script puts on an input or into the playback stream.</summary>
    public sealed class SignalSpec
    {
        /// <summary>sine, noise, guitar, voice, wav or silence.</summary>
        public string Kind { get; init; }

        /// <summary>The WAV file of <c>wav FILE</c>, as written in the script.</summary>
        public string File { get; init; }

        /// <summary>The WAV file's full path (relative names are from the script's folder), once read.</summary>
        public string Path { get; set; }

        /// <summary>The WAV file's audio, read before the session runs (<see cref="WavReader"/>).</summary>
        public WavAudio Wav { get; set; }

        public double FrequencyHz { get; init; }

        public double Dbfs { get; init; }

        public override string ToString()
        {
            switch (Kind)
            {
                case "silence": return "silence";
                case "wav": return "wav " + File;
                case "noise":
                case "voice": return Kind + " " + Dbfs.ToString("0.#") + " dBFS";
                default: return Kind + " " + FrequencyHz.ToString("0.#") + " Hz " + Dbfs.ToString("0.#") + " dBFS";
            }
        }
    }

    /// <summary>One parsed script line: when, what, and the arguments that verb takes.</summary>
    public sealed class ScriptStep
    {
        public int Line { get; init; }

        /// <summary>The line as written (without its comment), for the timeline and messages.</summary>
        public string Text { get; init; }

        /// <summary>The command as written, without its time.</summary>
        public string Command
        {
            get
            {
                int space = Text.IndexOfAny(new[] { ' ', '\t' });
                return space < 0 ? Text : Text.Substring(space + 1).Trim();
            }
        }

        /// <summary>Virtual time of the step, ms after the board was powered.</summary>
        public long TimeMs { get; init; }

        public Verb Verb { get; init; }

        /// <summary>A button, jack, input name, USB or power sub-command, fault kind, or the text of <c>say</c>.</summary>
        public string Name { get; init; }

        /// <summary>How long a press is held, a fault lasts, or the USB rate (Hz).</summary>
        public long Value { get; init; }

        /// <summary>The I2C address of a fault (nack, absent, brownout).</summary>
        public int Address { get; init; }

        /// <summary>The expected level (dB) or pop count.</summary>
        public double Expected { get; init; }

        /// <summary>Tolerance of <c>expect level</c> (dB).</summary>
        public double Within { get; init; }

        public SignalSpec Signal { get; init; }

        /// <summary>The full path of <c>eq load FILE</c> (relative names are from the script's folder), once read.</summary>
        public string FilePath { get; set; }

        /// <summary>The preset file's bytes, read and checked before the session runs.</summary>
        public byte[] FileData { get; set; }
    }
}
