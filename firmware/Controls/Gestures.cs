namespace InterfaceFirmware.Firmware.Controls
{
    /// <summary>What a person did with one button (or two together).</summary>
    public enum Gesture
    {
        /// <summary>The button went down (debounced), alone: fires at once, for keys that act immediately.</summary>
        Down = 0,

        /// <summary>Held past the repeat delay: fires again and again, faster the longer it is held.</summary>
        Repeat = 1,

        /// <summary>A short press and release (when the button also has a double press, after the double-press window).</summary>
        Click = 2,

        /// <summary>Two clicks within the double-press window.</summary>
        DoubleClick = 3,

        /// <summary>Held past the long-press time without another button.</summary>
        LongPress = 4,

        /// <summary>Pressed while another button is held (the held one is <see cref="GestureBinding.Button"/>).</summary>
        Combo = 5,

        /// <summary>Two buttons held together past the long-combo time: for deliberate actions (reset).</summary>
        ComboLong = 6,

        /// <summary>The second button of a combo held past the repeat delay: repeats like <see cref="Repeat"/>.</summary>
        ComboRepeat = 7,
    }

    /// <summary>What the device should do: the vocabulary of the gesture tables.</summary>
    public enum UserAction
    {
        None = 0,

        /// <summary>The selected jack 0.5 dB louder (up to its range maximum and the user's maximum).</summary>
        VolumeUp = 1,

        /// <summary>The selected jack 0.5 dB quieter (below the bottom of the range: mute).</summary>
        VolumeDown = 2,

        /// <summary>Mute or un-mute the selected jack.</summary>
        ToggleMute = 3,

        /// <summary>The volume keys move to the next jack.</summary>
        SelectNextJack = 4,

        /// <summary>The selected jack's headphone gain range: in-ear → normal → high → in-ear.</summary>
        CycleGainRange = 5,

        /// <summary>The selected jack's present level becomes its user maximum.</summary>
        SetMaximumLevel = 6,

        /// <summary>Every setting back to its default (a deliberate two-button hold).</summary>
        ResetToDefaults = 7,

        /// <summary>Direct monitoring off → mono → stereo → off (mono where the board can).</summary>
        CycleMonitorMode = 8,

        /// <summary>The monitor blend one position towards the inputs.</summary>
        BlendTowardInputs = 9,

        /// <summary>The monitor blend one position towards playback.</summary>
        BlendTowardPlayback = 10,

        /// <summary>The volume keys move the input gain instead of the level (and back).</summary>
        ToggleInputGainFocus = 11,

        /// <summary>Listen to the inputs, then set their gain so peaks sit at the target.</summary>
        AutoGain = 12,

        /// <summary>48 V phantom power on or off (the jacks muted around the switch).</summary>
        TogglePhantom = 13,

        /// <summary>The focused input's type: line → mic → instrument (what the board can switch).</summary>
        CycleInputType = 14,

        /// <summary>The selected jack's next headphone EQ preset (where its codec has an EQ).</summary>
        CycleEqPreset = 15,

        /// <summary>The selected jack's limiter on at the peaks its level gives now, or off (where its codec has one).</summary>
        ToggleLimiter = 16,
    }

    /// <summary>
    /// One row of a board's gesture table: this gesture on this button (with that other button,
    /// for combos) does that.
    /// </summary>
    public sealed class GestureBinding
    {
        public GestureBinding(int button, Gesture gesture, UserAction action)
            : this(button, gesture, -1, action)
        {
        }

        public GestureBinding(int button, Gesture gesture, int otherButton, UserAction action)
        {
            Button = button;
            Gesture = gesture;
            OtherButton = otherButton;
            Action = action;
        }

        /// <summary>The button (index into the profile's buttons); for a combo, the one held first.</summary>
        public int Button { get; }

        public Gesture Gesture { get; }

        /// <summary>For combos, the button pressed while <see cref="Button"/> is held; otherwise -1.</summary>
        public int OtherButton { get; }

        public UserAction Action { get; }
    }
}
