using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Model;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The whole firmware on an emulated board, in virtual time: the device is built from its
    /// board profile and the board's hal exactly as the device's Program builds it, and the
    /// board's clock drives its tick. Playback is a 1 kHz tone (from the computer on the reference
    /// board, from the ESP32 on the dev boards); both jacks are recorded.
    /// </summary>
    internal sealed class DeviceRig
    {
        public readonly VirtualBoard Board;
        public readonly InterfaceDevice Device;
        public readonly BoardProfile Profile;

        /// <param name="board">"reference", "audiokit" or "lyrat".</param>
        /// <param name="settings">Settings to boot with (null: defaults).</param>
        public DeviceRig(string board, Settings settings)
            : this(NewBoardWithComputer(board), board, settings)
        {
        }

        /// <summary>The firmware on a board set up by the caller (power source, computer or not).</summary>
        public DeviceRig(VirtualBoard virtualBoard, string board, Settings settings)
            : this(virtualBoard, board, settings, false)
        {
        }

        /// <param name="withComputer">Plug a computer in first (where the board has a USB bridge).</param>
        public DeviceRig(VirtualBoard virtualBoard, string board, Settings settings, bool withComputer)
            : this(virtualBoard, board, settings, withComputer, null)
        {
        }

        /// <param name="tap">The ADC tap the firmware reads (null: the board's).</param>
        public DeviceRig(VirtualBoard virtualBoard, string board, Settings settings, bool withComputer, InterfaceFirmware.Hal.IAdcTap tap)
        {
            Profile = BoardProfiles.ByName(board);
            Board = virtualBoard;
            if (withComputer && Profile.HasUsbBridge)
            {
                Board.ConnectComputer();
                Board.RunMs(600);
            }

            Board.PlugHeadphones(true);
            Board.Bus.LogEnabled = true;
            var io = new BoardIo(Board.Clock, Board.Bus, new VirtualGpio(Board), Board.Log);
            io.ChipsMayBeLive = false; // the rig's board was just powered up
            io.Usb = Board.Usb;
            io.CodecClock = Board.CodecClock;
            io.Power = Board.Power;
            io.Store = Board.Settings;
            io.EqPresets = Board.EqPresets;
            io.AdcTap = tap != null ? tap : Board.AdcTap;
            Device = new InterfaceDevice(Profile, io, settings);
        }

        /// <summary>The board, with a computer plugged in and enumerated where it has a USB bridge.</summary>
        internal static VirtualBoard NewBoardWithComputer(string board)
        {
            var virtualBoard = new VirtualBoard(Description(board), 7);
            if (BoardProfiles.ByName(board).HasUsbBridge)
            {
                virtualBoard.ConnectComputer();
                virtualBoard.RunMs(600); // enumeration: the bridge clocks the codec from here on
            }

            return virtualBoard;
        }

        public static BoardDescription Description(string board)
        {
            switch (board)
            {
                case "audiokit": return BoardDescription.AudioKit();
                case "lyrat": return BoardDescription.LyraT();
                case "portable": return BoardDescription.Portable();
                default: return BoardDescription.Reference();
            }
        }

        public long NowUs
        {
            get { return Board.Clock.NowUs; }
        }

        /// <summary>Plays a 1 kHz tone at <paramref name="dbfs"/> on both channels from whoever plays on this board.</summary>
        public void PlayTone(double dbfs)
        {
            if (Profile.HasUsbBridge)
            {
                Board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, dbfs), SineSource.AtDbfs(1000, dbfs));
            }
            else
            {
                Board.CodecClock.PlaybackLeft = SineSource.AtDbfs(1000, dbfs);
                Board.CodecClock.PlaybackRight = SineSource.AtDbfs(1000, dbfs);
            }
        }

        /// <summary>Starts the firmware, records both jacks, and runs until it is up and its jacks have faded in.</summary>
        public void Boot()
        {
            Board.MainJack.Record(true);
            if (Board.SecondJack != null)
            {
                Board.SecondJack.Record(true);
            }

            Device.Start();
            RunUntil(6000, true);
        }

        /// <summary>Runs until the device is up and every open jack is settled; fails after <paramref name="limitMs"/>.</summary>
        public void RunUntil(int limitMs, bool mustSettle)
        {
            Board.RunMs(InterfaceDevice.TickMs); // a tick first: what was just applied is planned there
            int elapsed = InterfaceDevice.TickMs;
            while (!StaysSettled())
            {
                Assert.IsTrue(elapsed < limitMs || !mustSettle, "not settled after " + limitMs.ToString() + " ms");
                if (elapsed >= limitMs)
                {
                    return;
                }

                Board.RunMs(InterfaceDevice.TickMs);
                elapsed += InterfaceDevice.TickMs;
            }
        }

        // Settled now and still a few ticks later (a recovery or a switch that just ended is planned
        // in the next tick).
        private bool StaysSettled()
        {
            if (!Settled())
            {
                return false;
            }

            Board.RunMs(3 * InterfaceDevice.TickMs);
            return Settled();
        }

        private bool Settled()
        {
            if (Device.State.Phase != DevicePhase.Running || !Device.Live || Device.State.Fault || Device.SwitchingInputs)
            {
                return false; // up, not changing clocks, not recovering a chip
            }

            for (int j = 0; j < Profile.Jacks.Length; j++)
            {
                var output = Device.Output(j);
                bool wantOpen = !Device.Targets(j).Silent;
                if (wantOpen && !output.AtTargets(Device.Targets(j)))
                {
                    return false;
                }
            }

            return true;
        }

        public void Run(int ms)
        {
            Board.RunMs(ms);
        }

        /// <summary>The jack a profile jack index is heard at.</summary>
        public HeadphoneOutput Jack(int jack)
        {
            return jack == 0 ? Board.MainJack : Board.SecondJack;
        }

        /// <summary>
        /// The 1 kHz tone's level at a jack over the last <paramref name="ms"/> (lock-in over whole
        /// periods, dB re full scale), so a capacitor's slow tail after a step does not count.
        /// </summary>
        public double ToneDb(int jack, bool left, int ms)
        {
            SignalRecorder recorder = Jack(jack).Recorder(left);
            long end = Board.Audio.NextSample;
            int count = ms * 48;
            long start = end - count;
            double re = 0;
            double im = 0;
            for (int i = 0; i < count; i++)
            {
                double phase = 2 * System.Math.PI * ((start + i) % 48) / 48.0;
                double x = recorder.At(start + i);
                re += x * System.Math.Cos(phase);
                im += x * System.Math.Sin(phase);
            }

            return Decibels.ToDb(2 * System.Math.Sqrt(re * re + im * im) / count);
        }

        /// <summary>
        /// Runs for <paramref name="ms"/> and returns the loudest the 1 kHz tone was at jack
        /// <paramref name="jack"/> meanwhile: the louder side of each 50 ms (see <see cref="ToneDb"/>).
        /// </summary>
        public double RunAndFindLoudest(int jack, int ms)
        {
            double loudest = -200;
            for (int t = 0; t < ms; t += 50)
            {
                Run(50);
                double left = ToneDb(jack, true, 50);
                double right = ToneDb(jack, false, 50);
                loudest = System.Math.Max(loudest, System.Math.Max(left, right));
            }

            return loudest;
        }

        /// <summary>Pop events at a jack (by its output name prefix) at or after <paramref name="sinceUs"/>.</summary>
        public int Pops(int jack, long sinceUs)
        {
            string name = Jack(jack).Name;
            int count = 0;
            for (int i = 0; i < Board.PopEvents.Count; i++)
            {
                var e = (PopEvent)Board.PopEvents[i];
                if (e.Output.StartsWith(name) && e.TimeUs >= sinceUs)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The device's log so far, one entry a line.</summary>
        public string LogText()
        {
            string text = string.Empty;
            for (int i = 0; i < Board.Log.Entries.Count; i++)
            {
                text += Board.Log.Entries[i].ToString() + "\n";
            }

            return text;
        }

        /// <summary>Every pop event so far, for failure messages.</summary>
        public string DescribePops()
        {
            return Board.DescribePops();
        }
    }
}
