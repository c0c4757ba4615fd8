package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/app"
	"github.com/carnet-salon/carnet/views/ui"
)

// inviteForm is the team page's invitation form as typed; its fields are the
// invitation's own.
type inviteForm struct {
	Email string `form:"email"`
	Role  string `form:"role"`
}

func (s *Server) teamView(c *fiber.Ctx) (app.TeamView, error) {
	salonID, m := currentSalon(c).ID, member(c)
	v := app.TeamView{CanManage: account.CanManageTeam(m.Role), Me: m.UserID.String(), Location: currentSalon(c).Location()}
	var err error
	if v.Members, err = s.Accounts.Team(ctx(c), salonID); err != nil {
		return v, err
	}
	if v.CanManage {
		if v.Invitations, err = s.Accounts.Invitations(ctx(c), salonID); err != nil {
			return v, err
		}
	}
	roles := []string{account.RoleStaff, account.RoleManager}
	if m.Role == account.RoleOwner {
		roles = append(roles, account.RoleOwner)
	}
	for _, r := range roles {
		v.Roles = append(v.Roles, ui.Option{Value: r, Label: i18n.T(ctx(c), "role."+r)})
	}
	return v, nil
}

func (s *Server) handleTeam(c *fiber.Ctx) error {
	v, err := s.teamView(c)
	if err != nil {
		return err
	}
	return s.render(c, app.TeamPage(v, formView(inviteForm{Role: account.RoleStaff})), nil)
}

func (s *Server) handleInvitationCreate(c *fiber.Ctx) error {
	var inv inviteForm
	if err := decodeForm(c, &inv); err != nil {
		return err
	}
	err := s.Accounts.Invite(ctx(c), member(c), currentSalon(c), account.InviteInput{Email: inv.Email, Role: inv.Role}, i18n.LangFrom(ctx(c)))
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, inv, err) {
			return err
		}
		v, verr := s.teamView(c)
		if verr != nil {
			return verr
		}
		return s.render(c, app.TeamPage(v, f), nil)
	}
	s.flash(c, "flash.invited")
	return s.redirect(c, urls.Team())
}

func (s *Server) handleInvitationRevoke(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return apperr.ErrNotFound
	}
	if err := s.Accounts.RevokeInvitation(ctx(c), member(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.invitation_revoked")
	return s.redirect(c, urls.Team())
}

func (s *Server) handleMemberRemove(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return apperr.ErrNotFound
	}
	if err := s.Accounts.RemoveMember(ctx(c), member(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.member_removed")
	return s.redirect(c, urls.Team())
}
