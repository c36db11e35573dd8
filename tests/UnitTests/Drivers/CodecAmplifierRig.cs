using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.UnitTests.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// What the driver rigs share: a board with a computer attached (MCLK 12.288 MHz, 48 kHz from
    /// the USB bridge), one codec driver and the TPA6130A2 driver on its bus, ticked every
    /// <see cref="DriverTestHelpers.TickMs"/> as the control loop would; the playback, the
    /// recording, the levels heard and the bus log.
    /// </summary>
    internal abstract class CodecAmplifierRig
    {
        public readonly VirtualBoard Board;
        private readonly int[] _capture = new int[2 * 4096];
        private IAudioCodec _codec;
        private int _captureFrames;
        private long _recordFrom = -1;

        /// <summary>The board enumerated by its computer, its bus logged; the drivers come with <see cref="Attach"/>.</summary>
        protected CodecAmplifierRig(VirtualBoard board)
        {
            Board = board;
            Board.ConnectComputer();
            Board.RunMs(500); // enumeration: the bridge now clocks the codec
            Board.Bus.LogEnabled = true;
        }

        public Tpa6130a2Amplifier Amplifier { get; private set; }

        public long Now
        {
            get { return Board.Clock.NowMs; }
        }

        /// <summary>Index of the next bus log entry (to look at what a call wrote).</summary>
        public int LogMark
        {
            get { return Board.Bus.Log.Count; }
        }

        /// <summary>Runs the board for <paramref name="ms"/>, ticking the drivers.</summary>
        public void Run(int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += TickMs)
            {
                _codec.Tick(Now);
                Amplifier.Tick(Now);
                Board.RunMs(TickMs);
            }
        }

        /// <summary>Ticks until both drivers are idle; fails the test if that takes longer than <paramref name="limitMs"/>.</summary>
        public int RunUntilIdle(int limitMs)
        {
            int elapsed = 0;
            while (_codec.Busy || Amplifier.Busy)
            {
                Assert.IsTrue(elapsed < limitMs, "a driver is still busy after " + limitMs.ToString() + " ms");
                Run(TickMs);
                elapsed += TickMs;
            }

            return elapsed;
        }

        public void PowerDown()
        {
            Assert.AreEqual((int)InterfaceFirmware.Drivers.DriverStatus.Ok, (int)_codec.RequestPowerState(CodecPowerState.Off, Now));
            RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.Off, (int)_codec.PowerState);
        }

        public void PlaySine(double dbfs)
        {
            Board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, dbfs), SineSource.AtDbfs(1000, dbfs));
        }

        /// <summary>Pop events at outputs whose name starts with <paramref name="output"/>, at or after <paramref name="sinceUs"/>.</summary>
        public int Pops(string output, long sinceUs)
        {
            return ReferenceBoardRig.CountPops(Board, output, sinceUs);
        }

        /// <summary>
        /// The capture's 1 kHz level (dBFS) over the newest <paramref name="frames"/> frames of what
        /// the ADC tap delivered since the last time it was drained (drained here when it has enough).
        /// </summary>
        public double CaptureLevelDb(bool left, int frames)
        {
            if (Board.AdcTap.AvailableFrames >= frames)
            {
                _captureFrames = Board.AdcTap.ReadFrames(_capture, 0, 4096);
            }

            return DriverTestHelpers.CaptureLevelDb(_capture, _captureFrames, left, frames);
        }

        /// <summary>
        /// The 1 kHz tone's level (dB re full scale) at a jack over the last <paramref name="ms"/>:
        /// a lock-in over whole periods, so the slow tail a coupling capacitor leaves after a step
        /// does not count as signal.
        /// </summary>
        public double LevelDb(HeadphoneOutput jack, bool left, int ms)
        {
            return DriverTestHelpers.JackLevelDb(Board, _recordFrom, jack, left, ms);
        }

        /// <summary>The drivers the rig ticks (started or taken charge of by the rig).</summary>
        protected void Attach(IAudioCodec codec, Tpa6130a2Amplifier amplifier)
        {
            _codec = codec;
            Amplifier = amplifier;
        }

        /// <summary>Records <paramref name="codecOutput"/> and the main jack from now on.</summary>
        protected void RecordFromNow(HeadphoneOutput codecOutput)
        {
            codecOutput.Record(true);
            Board.MainJack.Record(true);
            _recordFrom = Board.Audio.NextSample;
        }
    }
}
